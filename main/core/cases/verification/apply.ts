import { JiuzhuError } from '../../../../common/contract/errors';
import { pullItemRefusal, readPullItem } from '../../../../sync-protocol/records/index';
import type { AuditLog } from '../../kernel/audit/auditLog';
import type { CaseRepository } from '../caseRepo';
import type { VerificationRepo } from './repo';

/** The station's actor of what the platform sent. */
const PLATFORM = 'platform';

export interface VerificationApplyDeps {
  repo: VerificationRepo;
  cases: CaseRepository;
  audit: (entry: Parameters<AuditLog['append']>[0]) => void;
  now: () => string;
}

/**
 * A `verification.report` item (sync-protocol/records/verificationReport.ts): read with its
 * schema (a bad item is refused naming the field; the engine keeps it in pulled_item), then kept
 * once by the platform's id. For a case this station holds: applied (the latest report of the case
 * by issue day is current, the others superseded), a line on the case's timeline and an audit row
 * naming the report and the number of members and items — never an amount, a name or an ID number,
 * and nothing is logged. A case not here: kept as not applied with the reason.
 */
export function applyVerificationItem(d: VerificationApplyDeps, item: unknown): JiuzhuError | undefined {
  const read = readPullItem('verification.report', item);
  if (!read.ok) return pullItemRefusal(read.issue);
  const { id, body, feedSeq } = read.value;
  if (d.repo.get(id)) return undefined;
  const at = d.now();
  const row = {
    id,
    case_id: body.caseId,
    report_no: body.reportNo,
    centre: body.centre,
    issued_on: body.issuedOn,
    body: JSON.stringify(body),
    feed_seq: feedSeq,
    superseded_by: null,
    received_at: at,
  };
  const items = body.members.reduce((n, m) => n + m.items.length, 0);
  if (!d.cases.get(body.caseId)) {
    const reason = new JiuzhuError('VERIFICATION_CASE_NOT_HERE', { caseNo: body.caseNo ?? body.caseId });
    d.repo.insert({ ...row, status: 'notApplied', reason: JSON.stringify({ code: reason.code, message: reason.message }) });
    d.audit({
      actor: PLATFORM,
      action: 'verification.kept',
      targetType: 'case',
      targetId: body.caseId,
      details: { report: id, code: reason.code },
    });
    return undefined;
  }
  d.repo.insert({ ...row, status: 'applied', reason: null });
  d.repo.settle(body.caseId);
  d.cases.appendEvent(body.caseId, {
    at,
    actor_id: PLATFORM,
    action: 'verificationReceived',
    from_state: null,
    to_state: null,
    note: `${body.centre} ${body.reportNo}（${body.issuedOn}）`,
  });
  d.audit({
    actor: PLATFORM,
    action: 'verification.received',
    targetType: 'case',
    targetId: body.caseId,
    details: { report: id, members: body.members.length, items },
  });
  return undefined;
}

/**
 * The reports kept as not applied because their case was not here, applied now that it is (called
 * by the case pull handler once a pulled case is in): as on arrival — current or superseded, a line
 * on the timeline, an audit row with counts only.
 */
export function applyKeptFor(d: VerificationApplyDeps, caseId: string): number {
  const kept = d.repo.keptFor(caseId);
  for (const row of kept) {
    const body = JSON.parse(row.body) as { members: Array<{ items: unknown[] }> };
    d.repo.markApplied(row.id);
    d.cases.appendEvent(caseId, {
      at: d.now(),
      actor_id: PLATFORM,
      action: 'verificationReceived',
      from_state: null,
      to_state: null,
      note: `${row.centre} ${row.report_no}（${row.issued_on}）`,
    });
    d.audit({
      actor: PLATFORM,
      action: 'verification.received',
      targetType: 'case',
      targetId: caseId,
      details: { report: row.id, members: body.members.length, items: body.members.reduce((n, m) => n + m.items.length, 0), late: true },
    });
  }
  if (kept.length) d.repo.settle(caseId);
  return kept.length;
}
