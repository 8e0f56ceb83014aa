import { JiuzhuError } from '../../../common/contract/errors';
import { isTerminal } from '../../../common/cases/stateMachine';
import { caseAmendmentBodySchema } from '../../../common/sync/intakeRecords';
import { caseAmendmentRecord } from '../../../sync-protocol/records/index';
import { translate } from '../../../common/i18n/translate';
import type { IntakeWork } from './intakeAuthorization';
import type { CaseRow } from './caseRepo';

/**
 * A material received after submission (a 补正 paper, a certificate that came late): its pages are
 * ADDED after the pages already on file, never replacing them; the case's version and state do not
 * change, the case gets its next amendment number and the timeline entry, and the platform a
 * `case.amendment` record naming the pages by hash. A finished case takes no more papers.
 * Runs in the caller's transaction, after the pages are stored and linked.
 */
export function recordMaterialAmendment(
  w: IntakeWork,
  actor: string,
  row: CaseRow,
  code: string,
  pages: Array<{ attachmentId: string; page: number }>,
): number {
  const now = w.now();
  const n = w.repo.addAmendment(row.id, { kind: 'material', ref: code, at: now, by: actor });
  const body = caseAmendmentBodySchema.parse({
    caseId: row.id,
    caseNo: row.case_no,
    amendment: n,
    state: row.state,
    caseVersion: row.version,
    at: now,
    material: {
      code,
      pages: pages.map((p) => {
        const info = w.attachments.info(p.attachmentId)!;
        return { sha256: info.sha256, page: p.page, size: info.size, contentType: info.mime };
      }),
    },
  });
  w.outbox.enqueue(caseAmendmentRecord(body));
  w.repo.appendEvent(row.id, {
    at: now,
    actor_id: actor,
    action: 'amendMaterial',
    from_state: null,
    to_state: null,
    note: `#${n} ${code}`,
  });
  w.audit.append({
    actor,
    action: 'cases.amend_material',
    targetType: 'case',
    targetId: row.id,
    details: { code, pages: pages.length, amendment: n },
  });
  return n;
}

/** A finished (or discarded) case takes no papers. */
export function refuseClosed(row: CaseRow): void {
  if (row.state === 'discarded' || (row.state !== 'draft' && isTerminal(row.state)))
    throw new JiuzhuError('CASE_CLOSED', { state: translate(`cases.states.${row.state}`) });
}
