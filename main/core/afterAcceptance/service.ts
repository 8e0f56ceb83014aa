import type { CloseInput } from '../../../common/contract/methods/afterAcceptance/warnings';
import type {
  LocalDecision,
  ObjectionInput,
  OpinionInput,
  ResolveInput,
  VisitInput,
} from '../../../common/contract/methods/afterAcceptance/visits';
import { JiuzhuError } from '../../../common/contract/errors';
import type { PublicityListRequest } from '../../../common/contract/methods/afterAcceptance/visits';
import { rosterSettingsSchema } from '../../../common/contract/methods/afterAcceptance/roster';
import { ChangeRepo, type ChangeDbRow } from './changeRepo';
import { changeList, changeView, refusalView } from './changeViews';
import { listSummary, queueLists } from './publicityLists';
import { ReliefRepo, type MonitoringDbRow } from './reliefRepo';
import { monitoringView, reliefOfCase } from './reliefViews';
import { ReviewRepo } from './reviewRepo';
import { reviewView } from './reviewView';
import { caseView, rosterList, warningRow } from './views';
import { readVisitEvidence } from './visitEvidence';
import { warningAssignees } from './warningAssignees';
import { pullItemRefusal, readPullItem } from '../../../sync-protocol/records/index';
import { applyChangeDecision, decideChangeLocally } from './changeWork';
import type { PulledItem } from '../sync/capability';
import { applyDecision, decideLocally, retryDecision, type DecisionResult } from './decisions';
import { endPublicity, giveOpinion, recordObjection, recordVisit, resolveDispute } from './publicityWork';
import { assignWarning, closeWarning, receiveWarning, verifyWarning } from './warningWork';
import { recordAdvance } from './reliefWork';
import { enterMonitoring, exitMonitoring } from './monitoringWork';
import type { ReliefAdvance } from '../../../common/cases/relief';
import { Work, PLATFORM_ACTOR, type WorkDeps } from './work';
import { authorizeReview, concludeReview, recheckReview, startReview } from './reviewWork';
import type { ConclusionInput } from './reviewOutcome';
import type { ReviewHousehold } from '../../../common/contract/methods/afterAcceptance/reviews';
import type { FaceCapture, SignatureCapture } from '../../../common/capture/schemas';

/**
 * The steps after acceptance, one method each; every one is a single transaction (see the files it
 * calls). The reads the handlers answer with are methods too, audited where the contract says the
 * clerk looked at personal data; handlers never reach into `work` (tests and the step functions do).
 */
export class AfterAcceptanceService {
  readonly work: Work;
  constructor(deps: WorkDeps) {
    this.work = new Work(deps);
  }

  caseView = (actor: string, caseId: string) => {
    const view = caseView(this.work, caseId);
    this.work.audit(actor, 'visits.view', caseId);
    return view;
  };
  visitEvidence = (actor: string, caseId: string, attachmentId: string) => readVisitEvidence(this.work, actor, caseId, attachmentId);
  publicityLists = (actor: string, r: PublicityListRequest) => {
    const rows = listSummary(this.work, r);
    this.work.audit(actor, 'publicity.lists_view', null, { stage: r.stage, communities: rows.length });
    return rows;
  };
  queueLists = (actor: string, r: PublicityListRequest) => queueLists(this.work, actor, r);
  rosterList = (actor: string, filter: 'all' | 'due' | 'overdue', limit: number) => {
    const out = rosterList(this.work, filter, limit);
    this.work.audit(actor, 'roster.view', null, { filter, results: out.rows.length });
    return out;
  };
  rosterSettings = () => {
    const settings = this.work.repo.settings();
    return { settings, linkedBenefits: settings.linkedBenefits ?? this.work.deps.benefits };
  };
  setRosterSettings = (actor: string, raw: unknown) => {
    const settings = rosterSettingsSchema.parse(raw);
    this.work.db.transaction(() => {
      this.work.repo.putSettings(settings);
      this.work.audit(actor, 'roster.settings', 'roster.settings', { warningDays: settings.warningWorkingDays }, 'setting');
    })();
    return settings;
  };
  warningList = (actor: string, status: string | undefined) => {
    const names = this.work.cases.repo.accountNames();
    const today = this.work.today();
    const rows = this.work.repo.warnings(status).map((w) => warningRow(this.work, w, names, today));
    this.work.audit(actor, 'warnings.view', null, { results: rows.length });
    return { rows, today, staff: warningAssignees(this.work.db) };
  };
  /** One warning as the list shows it (WARNING_NOT_FOUND when there is none). */
  warning = (id: string) => {
    const w = this.work.repo.warning(id);
    if (!w) throw new JiuzhuError('WARNING_NOT_FOUND');
    return warningRow(this.work, w, this.work.cases.repo.accountNames(), this.work.today());
  };
  changeList = (actor: string, filter: 'open' | 'all', limit: number) => {
    const rows = changeList(this.work, filter, limit);
    this.work.audit(actor, 'changes.view', null, { filter, results: rows.length });
    return { rows, delegated: this.work.cases.settings().decisionDelegated, today: this.work.today() };
  };
  changeView = (row: ChangeDbRow) => changeView(this.work, row, this.work.cases.repo.accountNames());
  refusals = (actor: string, limit: number) => {
    const rows = new ChangeRepo(this.work.db).refusals({ limit }).map(refusalView);
    this.work.audit(actor, 'decisions.refusals_view', null, { results: rows.length });
    return rows;
  };
  reliefOfCase = (actor: string, caseId: string) => {
    const view = reliefOfCase(this.work, caseId);
    this.work.audit(actor, 'relief.view', caseId);
    return view;
  };
  monitoringView = (m: MonitoringDbRow) => monitoringView(new ReliefRepo(this.work.db), m);
  monitoringList = (actor: string, activeOnly: boolean, limit: number) => {
    const repo = new ReliefRepo(this.work.db);
    const rows = repo.monitoringList(activeOnly, limit).map((m) => monitoringView(repo, m));
    this.work.audit(actor, 'monitoring.view', null, { results: rows.length });
    return rows;
  };
  /** The review page as the clerk opens it (audited); after a step the page is answered by `reviewView`, not audited again. */
  reviewPage = (actor: string, rosterId: string) => {
    const view = reviewView(this.work, rosterId);
    this.work.audit(actor, 'reviews.view', view.roster.caseId, { roster: rosterId });
    return view;
  };
  reviewView = (rosterId: string) => reviewView(this.work, rosterId);
  /** The review page of the roster entry a review belongs to. */
  reviewViewOf = (reviewId: string) => reviewView(this.work, new ReviewRepo(this.work.db).get(reviewId)!.roster_id);

  recordVisit = (actor: string, caseId: string, version: number, v: VisitInput) => recordVisit(this.work, actor, caseId, version, v);
  giveOpinion = (actor: string, caseId: string, version: number, o: OpinionInput) => giveOpinion(this.work, actor, caseId, version, o);
  recordObjection = (actor: string, caseId: string, version: number, o: ObjectionInput) =>
    recordObjection(this.work, actor, caseId, version, o);
  resolveDispute = (actor: string, caseId: string, version: number, r: ResolveInput) =>
    resolveDispute(this.work, actor, caseId, version, r);
  endPublicity = (actor: string, caseId: string, version: number) => endPublicity(this.work, actor, caseId, version);
  decideLocally = (actor: string, caseId: string, version: number, d: LocalDecision) => decideLocally(this.work, actor, caseId, version, d);
  retryDecision = (actor: string, id: string) => retryDecision(this.work, actor, id);
  assignWarning = (actor: string, id: string, accountId: string) => assignWarning(this.work, actor, id, accountId);
  verifyWarning = (actor: string, id: string, v: { verifiedOn: string; method: string; findings: string }) =>
    verifyWarning(this.work, actor, id, v);
  closeWarning = (actor: string, id: string, c: CloseInput) => closeWarning(this.work, actor, id, c);
  startReview = (actor: string, rosterId: string, caseVersion: number) => startReview(this.work, actor, rosterId, caseVersion);
  recheckReview = (actor: string, id: string, version: number, h: ReviewHousehold, findings: string) =>
    recheckReview(this.work, actor, id, version, h, findings);
  authorizeReview = (actor: string, id: string, version: number, signer: string, sig: SignatureCapture, face: FaceCapture | null) =>
    authorizeReview(this.work, actor, id, version, signer, sig, face);
  concludeReview = (actor: string, id: string, version: number, c: ConclusionInput) => concludeReview(this.work, actor, id, version, c);
  recordAdvance = (actor: string, caseId: string, version: number, a: ReliefAdvance) => recordAdvance(this.work, actor, caseId, version, a);
  enterMonitoring = (actor: string, caseId: string, reason: string) => enterMonitoring(this.work, actor, caseId, reason);
  exitMonitoring = (actor: string, monitoringId: string, reason: string) => exitMonitoring(this.work, actor, monitoringId, reason);
  decideChangeLocally = (
    actor: string,
    proposalId: string,
    d: { outcome: 'approved' | 'refused'; reasons: string[]; legalBasis: string[] },
  ) => decideChangeLocally(this.work, actor, proposalId, d);

  /** Pull handler of 'decision' items (inside the pull page's transaction); an item that does not read is refused, applied to nothing. */
  pulledDecision(item: PulledItem): DecisionResult | JiuzhuError {
    const read = readPullItem('decision', item);
    if (!read.ok) return pullItemRefusal(read.issue);
    const d = read.value;
    return applyDecision(
      this.work,
      PLATFORM_ACTOR,
      {
        id: d.id,
        caseId: d.caseId,
        source: 'platform',
        outcome: d.outcome,
        amountFen: d.amountFen,
        startMonth: d.startMonth,
        reasons: d.reasons ?? [],
        legalBasis: [],
        relief: d.relief,
      },
      'record',
    );
  }

  /** Pull handler of 'change-decision' items: the county's decision on a proposal to change a benefit (never throws). */
  pulledChangeDecision(item: PulledItem): DecisionResult | JiuzhuError {
    const read = readPullItem('change-decision', item);
    if (!read.ok) return pullItemRefusal(read.issue);
    const d = read.value;
    return applyChangeDecision(
      this.work,
      PLATFORM_ACTOR,
      {
        id: d.id,
        caseId: d.caseId,
        proposalId: d.proposalId,
        source: 'platform',
        outcome: d.outcome,
        reasons: d.reasons ?? [],
        legalBasis: d.legalBasis ?? [],
      },
      'record',
    );
  }

  /** Pull handler of 'warning' items. */
  pulledWarning(item: PulledItem): ReturnType<typeof receiveWarning> | JiuzhuError {
    const read = readPullItem('warning', item);
    if (!read.ok) return pullItemRefusal(read.issue);
    return receiveWarning(this.work, PLATFORM_ACTOR, read.value);
  }
}
