import type { CasePlatformStatus } from '../../sync-protocol/records/index';

/** What happened to a case on the platform, as far as its status goes. */
export type CaseStatusEvent =
  /** A `case.upsert` applied: the case's state as the station sent it, and whether it carried signed 授权书. */
  | { kind: 'upsert'; state: string; authorizations: boolean }
  /** A `case.authorization` applied: 核对 is requested for the signer. */
  | { kind: 'authorization' }
  /** A 核对 report posted for the case. */
  | { kind: 'report'; reportNo: string }
  /** The county's decision fed to the station. */
  | { kind: 'decision'; outcome: 'approved' | 'refused' }
  /** A station's `roster.imported` accepted: a household already on the roster, from the previous system's file or the platform's roster. */
  | { kind: 'imported'; from: 'file' | 'platform' };

export interface StatusChange {
  status: CasePlatformStatus;
  note?: string;
}

const DECIDED_STATES = new Set(['approved', 'refused']);

/**
 * The status changes an event makes, given the case's current status (null: none yet), pure:
 *
 * - the first upsert of a case → `received`;
 * - signed 授权书 arriving (in an upsert or as a `case.authorization`) → `verifying`;
 * - a 核对 report → `verified`, unless the case already went up for its decision;
 * - an upsert in `awaiting_decision` (the station sent it up for 审核确认) → `awaiting-decision`,
 *   unless the case is decided already;
 * - an upsert in `approved`/`refused` (a decision taken where delegated) or the county's decision → `decided`;
 * - an accepted `roster.imported` → `decided`, the note saying where the household came from.
 *
 * A change to the status the case already has is no change: the answer is empty.
 */
export function caseStatusChanges(current: CasePlatformStatus | null, event: CaseStatusEvent): StatusChange[] {
  const out: StatusChange[] = [];
  let now = current;
  const to = (c: StatusChange) => {
    if (c.status === now) return;
    out.push(c);
    now = c.status;
  };
  switch (event.kind) {
    case 'upsert':
      if (now === null) to({ status: 'received' });
      if (DECIDED_STATES.has(event.state)) to({ status: 'decided' });
      else if (event.state === 'awaiting_decision') {
        if (now !== 'decided') to({ status: 'awaiting-decision' });
      } else if (event.authorizations) to({ status: 'verifying' });
      break;
    case 'authorization':
      to({ status: 'verifying' });
      break;
    case 'report':
      if (now !== 'awaiting-decision' && now !== 'decided') to({ status: 'verified', note: `核对报告 ${event.reportNo}` });
      break;
    case 'decision':
      to({ status: 'decided', note: event.outcome === 'approved' ? '县级民政部门决定批准' : '县级民政部门决定不予批准' });
      break;
    case 'imported':
      to({ status: 'decided', note: event.from === 'file' ? '在册对象（原系统导入）' : '在册对象（市级平台在册名单）' });
      break;
  }
  return out;
}
