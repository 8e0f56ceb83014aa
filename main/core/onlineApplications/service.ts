import { dueStatus } from '../../../common/cases/deadlines';
import type { OnlineApplicationDetail, OnlineQueueRow } from '../../../common/contract/methods/onlineApplications';
import { JiuzhuError } from '../../../common/contract/errors';
import { maskIdNumber } from '../../../common/format/mask';
import { translate } from '../../../common/i18n/translate';
import { prefillFromOnline } from '../../../common/onlineApplications/prefill';
import { applicationOnlineBodySchema } from '../../../sync-protocol/records/index';
import type { AuditLog } from '../kernel/audit/auditLog';
import type { CaseService } from '../cases/caseService';
import type { Clock } from '../context';
import type { PulledItem } from '../sync/capability';
import { OnlineApplicationRepo, type QueueRow } from './onlineApplicationRepo';
import { PLATFORM_ACTOR, receiveOnlineApplication } from './receive';

export interface OnlineApplicationsDeps {
  cases: CaseService;
  clock: Clock;
  audit: AuditLog;
}

/** Before 受理 the queue entry waits; once the case left `submitted` its acceptance limit is met. */
const DECIDED = (state: QueueRow['case_state']) => state !== null && state !== 'draft' && state !== 'submitted';

/**
 * The 待受理 queue (main/core/onlineApplications/README.md): pulled online applications, their
 * acceptance limit counted from the online submission, and the intake draft the counter completes.
 */
export class OnlineApplicationsService {
  private readonly repo: OnlineApplicationRepo;

  constructor(private readonly deps: OnlineApplicationsDeps) {
    this.repo = new OnlineApplicationRepo(deps.cases.db);
  }

  /** The pull handler's work, in the page's transaction. */
  pulled(item: PulledItem): JiuzhuError | undefined {
    return receiveOnlineApplication(
      {
        db: this.deps.cases.db,
        repo: this.repo,
        now: () => this.deps.clock.now().toISOString(),
        audit: (action, targetId, details) =>
          this.deps.audit.append({ actor: PLATFORM_ACTOR, action, targetType: 'online_application', targetId, details }),
      },
      item,
    );
  }

  /** The county's limit from submission to 受理 (working days; null: none set). */
  acceptanceWorkingDays(): number | null {
    return this.deps.cases.settings().limits.acceptanceWorkingDays;
  }

  /** The limit of each row, from the county's setting read once for the list. */
  private deadline(r: QueueRow, days: number | null, today: string): OnlineQueueRow['deadline'] {
    if (days === null) return null;
    return this.deps.cases.withCalendar((c) => {
      const dueDate = c.addWorkingDays(r.submitted_on, days);
      return { dueDate, ...dueStatus(dueDate, today, c), met: DECIDED(r.case_state) };
    });
  }

  private row(r: QueueRow, days: number | null, today: string): OnlineQueueRow {
    // The body was read with its schema when it was pulled; the list needs only how many papers it names.
    const { papers } = JSON.parse(r.body) as { papers: unknown[] };
    return {
      id: r.id,
      submittedAt: r.submitted_at,
      source: r.source,
      type: r.type as OnlineQueueRow['type'],
      applicantName: r.applicant_name,
      applicantIdNumberMasked: maskIdNumber(r.applicant_id_number),
      householdSize: r.household_size,
      paperCount: papers.length,
      deadline: this.deadline(r, days, today),
      caseId: r.case_id,
      caseState: r.case_state,
    };
  }

  list(actor: string, show: 'waiting' | 'all'): { rows: OnlineQueueRow[]; acceptanceWorkingDays: number | null } {
    const days = this.acceptanceWorkingDays();
    const today = this.deps.cases.today();
    const rows = this.repo.list(show).map((r) => this.row(r, days, today));
    this.deps.audit.append({ actor, action: 'online-application.list', details: { show, rows: rows.length } });
    return { rows, acceptanceWorkingDays: days };
  }

  private must(id: string): QueueRow {
    const r = this.repo.one(id);
    if (!r) throw new JiuzhuError('ONLINE_APPLICATION_NOT_FOUND');
    return r;
  }

  /** What the applicant filed; a view of personal data, audited. */
  get(actor: string, id: string): OnlineApplicationDetail {
    const r = this.must(id);
    const body = applicationOnlineBodySchema.parse(JSON.parse(r.body));
    const names = new Map(body.members.map((m) => [m.idNumber, m.name]));
    const labels = new Map(
      Object.values(this.deps.cases.checklist().types).flatMap((items) => items.map((i) => [i.code, i.label] as const)),
    );
    this.deps.audit.append({ actor, action: 'online-application.view', targetType: 'online_application', targetId: id });
    return {
      ...this.row(r, this.acceptanceWorkingDays(), this.deps.cases.today()),
      subtype: body.subtype ?? null,
      applicant: body.applicant,
      members: body.members,
      reasons: body.reasons,
      reasonText: body.reasonText,
      papers: body.papers.map((p) => ({
        sha256: p.sha256,
        material: p.material,
        materialLabel: labels.get(p.material) ?? translate('onlineApplications.otherMaterial'),
        page: p.page,
        contentType: p.contentType,
        size: p.size,
      })),
      signatures: body.signatures.map((s) => ({
        sha256: s.sha256,
        name: names.get(s.idNumber) ?? '',
        idNumberMasked: maskIdNumber(s.idNumber),
        signedAt: s.signedAt,
        contentType: s.contentType,
      })),
    };
  }

  /**
   * Complete it at the counter: the intake draft prefilled from what was filed, with the pages of
   * its papers already fetched linked as the draft's scans of their material (one transaction: the
   * draft, the pages, the link, the audit row), or — already started — the case it became. The counter
   * then reads the card, takes the face and the papers and decides 受理 / 补正 / 不予受理 through
   * the intake and `cases.decide`, as for any application.
   */
  startIntake(actor: string, id: string): { caseId: string; created: boolean } {
    const cases = this.deps.cases;
    return cases.db.transaction(() => {
      const r = this.must(id);
      if (r.case_id) return { caseId: r.case_id, created: false };
      const body = applicationOnlineBodySchema.parse(JSON.parse(r.body));
      const { caseId } = cases.saveDraft(actor, { application: prefillFromOnline(id, r.submitted_on, body) });
      const now = cases.now();
      // The pages already fetched become the draft's scans of their material (the clerk still checks the originals and marks them).
      const stored = this.repo.storedBlobs(id);
      const codes = new Set(cases.checklist().types[body.type].map((i) => i.code));
      const pages = body.papers.filter((p) => stored.has(p.sha256) && codes.has(p.material));
      for (const p of pages)
        cases.repo.linkAttachment(caseId, {
          attachmentId: stored.get(p.sha256)!,
          role: 'material',
          ref: p.material,
          page: p.page - 1,
          at: now,
          by: actor,
        });
      this.repo.link(id, caseId, now, actor);
      this.deps.audit.append({
        actor,
        action: 'online-application.start_intake',
        targetType: 'online_application',
        targetId: id,
        details: { caseId, pages: pages.length },
      });
      return { caseId, created: true };
    })();
  }
}
