import type { CloseInput } from '../../../common/contract/methods/afterAcceptance/warnings';
import type {
  LocalDecision,
  ObjectionInput,
  OpinionInput,
  ResolveInput,
  VisitInput,
} from '../../../common/contract/methods/afterAcceptance/visits';
import type { JiuzhuError } from '../../../common/contract/errors';
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

/** The steps after acceptance, one method each; every one is a single transaction (see the files it calls). */
export class AfterAcceptanceService {
  readonly work: Work;
  constructor(deps: WorkDeps) {
    this.work = new Work(deps);
  }

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
