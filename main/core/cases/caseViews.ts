import { JiuzhuError } from '../../../common/contract/errors';
import { translate } from '../../../common/i18n/translate';
import type { CaseDetail, CaseSummary } from '../../../common/contract/methods/cases';
import { eligibilityHint } from '../../../common/cases/eligibility';
import { dueStatus, type DeadlineKind } from '../../../common/cases/deadlines';
import { materialsFor } from '../../../common/cases/materials';
import { findStandard } from '../../../common/cases/settings';
import { requiredSigners } from '../../../common/cases/signers';
import type { Application } from '../../../common/cases/application';
import type { DeadlineRow } from './caseRepo';
import type { CaseListRow } from './search';
import type { CaseContext } from './caseContext';
import type { Intake } from './intake';
import { BenefitRepo } from './benefitRepo';
import { authorizationEvidenceView } from './authorizationRecord';
import { VerificationRepo } from './verification/repo';
import { verificationView } from './verification/view';

type DeadlineView = CaseSummary['nextDeadline'] & object;

/** Read models of cases: summaries for lists, the full case page. Pure reads; callers audit. */
export class CaseViews {
  private names: Map<string, string> | null = null;
  private readonly benefits: BenefitRepo;
  private readonly verifications: VerificationRepo;

  constructor(
    private readonly ctx: CaseContext,
    private readonly intake: Pick<Intake, 'problems' | 'openCasesFor'>,
  ) {
    this.benefits = new BenefitRepo(ctx.db);
    this.verifications = new VerificationRepo(ctx.db);
  }

  private staffName(id: string): string {
    // What the platform sent (a decision, a 核对 report, …) is recorded by the actor `platform`.
    if (id === 'platform') return translate('cases.platformActor');
    if (!this.names?.has(id)) this.names = this.ctx.repo.accountNames();
    return this.names.get(id) ?? id;
  }

  deadlineView(d: DeadlineRow, today: string, soonDays: number): DeadlineView {
    const provisional = !this.ctx.county.counter().covers(d.due_date);
    if (d.met_at)
      return {
        kind: d.kind,
        fromDate: d.from_date,
        workingDays: d.working_days,
        dueDate: d.due_date,
        status: 'met',
        workingDaysLeft: 0,
        metAt: d.met_at,
        reason: d.reason,
        provisional,
      };
    const s = this.ctx.county.withCalendar((c) => dueStatus(d.due_date, today, c, soonDays));
    return {
      kind: d.kind,
      fromDate: d.from_date,
      workingDays: d.working_days,
      dueDate: d.due_date,
      status: s.status,
      workingDaysLeft: s.workingDaysLeft,
      metAt: null,
      reason: d.reason,
      provisional,
    };
  }

  /** Summaries of a list page: the rows' next deadlines read in one query, not one per row. */
  summaries(
    rows: readonly CaseListRow[],
    today = this.ctx.today(),
    soonDays = this.ctx.county.settings().dueSoonWorkingDays,
  ): CaseSummary[] {
    const next = this.ctx.repo.nextOpenDeadlines(rows.map((r) => r.id));
    return rows.map((r) => this.summary(r, today, soonDays, next.get(r.id) ?? null));
  }

  summary(
    row: CaseListRow,
    today = this.ctx.today(),
    soonDays = this.ctx.county.settings().dueSoonWorkingDays,
    nextOpen?: DeadlineRow | null,
  ): CaseSummary {
    const next = nextOpen === undefined ? this.ctx.repo.deadlines(row.id).find((d) => !d.met_at) : nextOpen;
    return {
      id: row.id,
      caseNo: row.case_no,
      state: row.state,
      type: row.type as CaseSummary['type'],
      subtype: row.subtype as CaseSummary['subtype'],
      channel: row.channel,
      applicantName: row.applicant_name,
      applicantIdNumber: row.applicant_id_number,
      householdSize: row.household_size,
      relatedParty: row.related_party === 1,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      staffName: this.staffName(row.created_by),
      nextDeadline: next ? this.deadlineView(next, today, soonDays) : null,
    };
  }

  /** The hint against the county's standard; null where the county has set none (the page says 未设置). Demo cases may use the placeholders. */
  eligibility(app: Application, demo = false, verification: CaseDetail['verification'] = null): CaseDetail['eligibility'] {
    const residence = app.subtype === 'rural' ? 'rural' : 'urban';
    const today = this.ctx.today();
    const standard = findStandard(this.ctx.county.standards(undefined, { demo }), this.ctx.station.regionCode, today, residence);
    if (!standard || app.members.length === 0) return null;
    const deductionsFen = app.deductions.reduce((sum, d) => sum + d.monthlyFen, 0);
    const hint = eligibilityHint({ members: app.members, income: app.income, deductionsFen, standardFen: standard.monthlyFen });
    // The 核对 report's findings follow the arithmetic of the declaration (what it found; the county decides).
    const found = verification?.findings.map((f) => `${translate('verification.hintTitle')}：${f}`) ?? [];
    return {
      band: hint.band,
      perCapitaFen: hint.perCapitaFen,
      standardFen: hint.standardFen,
      gapFen: hint.gapFen,
      steps: [...hint.steps, ...found],
    };
  }

  /** The case's current 核对 report with the hint's findings (against the county's standard and asset limits). */
  verification(caseId: string, app: Application, demo = false): CaseDetail['verification'] {
    const residence = app.subtype === 'rural' ? 'rural' : 'urban';
    const standard = findStandard(this.ctx.county.standards(undefined, { demo }), this.ctx.station.regionCode, this.ctx.today(), residence);
    return verificationView(this.verifications, caseId, app, standard?.monthlyFen ?? null, this.ctx.county.settings().assetLimits);
  }

  detail(caseId: string): CaseDetail {
    const row = this.ctx.repo.get(caseId);
    if (!row) throw new JiuzhuError('CASE_NOT_FOUND');
    const settings = this.ctx.county.settings();
    const today = this.ctx.today();
    const app = this.ctx.application(row);
    const repo = this.ctx.repo;
    const attachments = repo.attachments(caseId);
    const auths = repo.authorizations(caseId);
    const verification = this.verification(caseId, app, row.demo === 1);
    const signed = new Set(auths.map((a) => a.signer_id_number));
    const pages = (code: string) => attachments.filter((a) => a.role === 'material' && a.ref === code).length;
    return {
      ...this.summary(row, today, settings.dueSoonWorkingDays),
      draftRev: row.draft_rev,
      application: app,
      problems: row.state === 'draft' ? this.intake.problems(app, caseId, settings) : [],
      materials: materialsFor(this.ctx.county.checklist(settings), app).map((m) => ({ ...m, pages: pages(m.code) })),
      requiredSigners: requiredSigners(app, today).map((s) => ({ ...s, signed: signed.has(s.idNumber) })),
      authorizations: auths.map((a) => ({
        id: a.id,
        signerIdNumber: a.signer_id_number,
        signerName: a.signer_name,
        role: a.role,
        signedAt: a.signed_at,
        signatureAttachmentId: a.signature_attachment_id,
        faceAttachmentId: a.face_attachment_id,
        faceVerdict: a.face_verdict,
        documentHash: a.document_hash,
        signatureSha256: a.signature_sha256,
        recordedBy: this.staffName(a.recorded_by),
        ...authorizationEvidenceView(a),
      })),
      attachments: attachments.map((a) => ({
        attachmentId: a.attachment_id,
        role: a.role,
        ref: a.ref,
        page: a.page,
        mime: a.mime,
        size: a.size,
        addedAt: a.added_at,
      })),
      timeline: repo.events(caseId).map((e) => ({
        seq: e.seq,
        at: e.at,
        actorName: this.staffName(e.actor_id),
        action: e.action,
        fromState: e.from_state,
        toState: e.to_state,
        note: e.note,
      })),
      deadlines: repo.deadlines(caseId).map((d) => this.deadlineView(d, today, settings.dueSoonWorkingDays)),
      notices: repo.notices(caseId).map((n) => ({ id: n.id, kind: n.kind, state: n.state, requestedAt: n.requested_at })),
      eligibility: this.eligibility(app, row.demo === 1, verification),
      openCases: row.state === 'draft' || row.state === 'submitted' ? this.intake.openCasesFor(app, caseId) : [],
      benefit: this.benefit(caseId),
      verification,
    };
  }

  /** The approved amount and first paid month (审核确认), and the roster's current amount and status. */
  benefit(caseId: string): CaseDetail['benefit'] {
    const b = this.benefits.ofCase(caseId);
    if (!b) return null;
    return {
      approvedAmountFen: b.approved_amount_fen,
      startMonth: b.start_month,
      decidedOn: b.decided_on,
      decisionSource: b.source,
      currentAmountFen: b.amount_fen,
      status: b.status,
      stoppedOn: b.stopped_on,
    };
  }

  /**
   * Running deadlines: overdue and due within the county's "soon" window, soonest first — the first
   * `limit` cases of each list, and how many cases each list holds in all (a case counts once, by
   * its soonest open deadline).
   */
  deadlineLists(limit = 200): {
    dueSoon: CaseSummary[];
    overdue: CaseSummary[];
    dueSoonTotal: number;
    overdueTotal: number;
    today: string;
  } {
    const settings = this.ctx.county.settings();
    const today = this.ctx.today();
    const until = this.ctx.county.withCalendar((c) => c.addWorkingDays(today, settings.dueSoonWorkingDays));
    const dueSoon: CaseSummary[] = [];
    const overdue: CaseSummary[] = [];
    const totals = { dueSoon: 0, overdue: 0 };
    const seen = new Set<string>();
    for (const d of this.ctx.repo.openDeadlinesUntil(until, Number.MAX_SAFE_INTEGER)) {
      if (seen.has(d.case_id)) continue;
      seen.add(d.case_id);
      const list = d.due_date < today ? 'overdue' : 'dueSoon';
      const rows = list === 'overdue' ? overdue : dueSoon;
      if (rows.length >= limit) {
        totals[list]++;
        continue;
      }
      const row = this.ctx.repo.get(d.case_id);
      if (!row || row.state === 'discarded') continue;
      totals[list]++;
      rows.push({
        ...this.summary(row, today, settings.dueSoonWorkingDays),
        nextDeadline: this.deadlineView(d, today, settings.dueSoonWorkingDays),
      });
    }
    return { dueSoon, overdue, dueSoonTotal: totals.dueSoon, overdueTotal: totals.overdue, today };
  }

  deadlineKindsOpen(caseId: string): DeadlineKind[] {
    return this.ctx.repo
      .deadlines(caseId)
      .filter((d) => !d.met_at)
      .map((d) => d.kind);
  }
}
