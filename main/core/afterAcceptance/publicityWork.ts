import { JiuzhuError } from '../../../common/contract/errors';
import type { Application } from '../../../common/cases/application';
import type { ObjectionInput, OpinionInput, ResolveInput, VisitInput } from '../../../common/contract/methods/afterAcceptance/visits';
import { opinionNoticeSchema } from '../../../common/documents/opinionNotice';
import { publicitySchema } from '../../../common/documents/publicity';
import { visitFormSchema } from '../../../common/documents/visitForm';
import { translate } from '../../../common/i18n/translate';
import type { CaseRow } from '../cases/caseRepo';
import { distinctNames } from '../../../common/afterAcceptance/visitStatement';
import { addDays } from './dates';
import { checkVisitEvidence, evidenceBlobs, storeVisitEvidence, type VisitEvidence } from './visitEvidence';
import { VisitEvidenceRepo } from './visitEvidenceRepo';
import type { OpinionRow } from './repo';
import type { Work } from './work';

/** Days of 公示 counted in calendar days, the first day included (7 days: today … today + 6). */
export const PUBLICITY_DAYS = 7;
export const MIN_VISIT_STAFF = 2;
export const MIN_REVIEW_PARTICIPANTS = 3;

const distinct = distinctNames;

function health(m: Application['members'][number]): string {
  if (m.disability) return `残疾${m.disability.grade}级`;
  return m.seriousIllness ? '重病' : '健康';
}
const occupation = (m: Application['members'][number]) => (m.student ? '在校学生' : m.employed ? '就业' : '无业');

/** 入户调查表 data from the application and the visit. */
function visitForm(work: Work, row: CaseRow, app: Application, v: VisitInput, staff: string[], evidence: VisitEvidence) {
  const b = work.noticeBase(row, app);
  const incomeOf = (id: string) => app.income.filter((i) => i.memberIdNumber === id).reduce((s, i) => s + i.monthlyFen, 0);
  return {
    station: b.station,
    issuedOn: b.issuedOn,
    caseNo: b.caseNo,
    category: b.category,
    applicant: { ...b.applicant, address: b.applicant.address ?? '（未登记住址）' },
    visitedOn: v.visitedOn,
    investigators: staff,
    members: app.members
      .filter((m) => !m.excluded)
      .map((m) => ({
        name: m.name,
        relation: translate(`cases.relationships.${m.relationship}` as 'cases.relationships.self'),
        idNumber: m.idNumber,
        health: health(m),
        occupation: occupation(m),
        monthlyIncomeFen: incomeOf(m.idNumber),
      })),
    housing: v.housing,
    assets: v.assets,
    livingConditions: v.livingConditions,
    findings: v.findings,
    signatures: evidence.signatures.map((s) => ({ role: s.role, name: s.name, png: s.png })),
    photos: evidence.photos.map((p) => ({ sha256: p.sha256, source: p.source })),
  };
}

/**
 * 入户调查: 2+ staff, each of them and each family member present signed on a pad bound to this
 * visit, photos of the home; the first visit of an accepted case starts the investigation (its
 * 3-day deadline is met). Photos and signatures become encrypted attachments, printed on the
 * 入户调查表 and referenced as blobs by the case's outbox record, all in one transaction.
 */
export function recordVisit(work: Work, actor: string, caseId: string, version: number, v: VisitInput): CaseRow {
  const staff = distinct(v.staff);
  if (staff.length < MIN_VISIT_STAFF) throw new JiuzhuError('VISIT_STAFF_TOO_FEW', { count: String(staff.length) });
  const family = distinct(v.familyPresent);
  checkVisitEvidence(caseId, v, staff, family);
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    if (row.state !== 'accepted' && row.state !== 'investigating')
      throw new JiuzhuError('VISIT_WRONG_STEP', { state: work.stateLabel(row.state) });
    const id = work.id();
    // Back in investigation after an objection: this visit is the re-investigation of the disputed opinion.
    const disputed = row.state === 'investigating' ? work.repo.opinions(caseId).at(-1) : undefined;
    work.repo.insertVisit({
      id,
      case_id: caseId,
      visited_on: v.visitedOn,
      staff: JSON.stringify(staff),
      family_present: JSON.stringify(family),
      housing: v.housing,
      assets: v.assets,
      living_conditions: v.livingConditions,
      findings: v.findings,
      recorded_at: work.now(),
      recorded_by: actor,
      opinion_id: disputed?.id ?? null,
    });
    const evidenceRepo = new VisitEvidenceRepo(work.db);
    const evidence = storeVisitEvidence(
      work.cases.attachmentStore,
      evidenceRepo,
      { caseId, visitId: id, actor, now: work.now() },
      v,
      staff,
      family,
    );
    // Validated with the image bytes; kept in the notice queue as references to the encrypted attachments.
    const storedSignatures = evidence.signatures.map((s) => ({ role: s.role, name: s.name, png: { $attachment: s.attachmentId } }));
    work.notice(caseId, 'visit-form', visitFormSchema, visitForm(work, row, app, v, staff, evidence), actor, {
      signatures: storedSignatures,
    });
    const synced = {
      visit: {
        id,
        visitedOn: v.visitedOn,
        staffCount: staff.length,
        findings: v.findings,
        photos: evidence.photos.map((p) => ({ sha256: p.sha256, source: p.source })),
        signatures: evidence.signatures.map((s) => ({
          role: s.role,
          name: s.name,
          signedAt: s.signedAt,
          sha256: s.sha256,
          documentHash: s.documentHash,
        })),
      },
    };
    // The case record references the photos and signatures, so they go up once it is taken.
    const blobs = evidenceBlobs(evidence);
    let updated: CaseRow;
    if (row.state === 'accepted') {
      updated = work.cases.step(row, 'startInvestigation', actor, null, app, synced, blobs);
      work.cases.repo.meetDeadline(caseId, 'investigation_start', work.now());
    } else {
      work.touch(row, app, 'visit', actor, null, synced, blobs);
      updated = work.cases.mustGet(caseId);
    }
    work.audit(actor, 'visits.evidence', caseId, { photos: evidence.photos.length, signatures: evidence.signatures.length });
    return updated;
  })();
}

/**
 * What a new 初审意见 needs (审核确认办法 art. 19): the first one, a home visit; after an objection
 * to the previous one's 公示, its answer — a 民主评议 on it (from 'disputed') or a re-investigation
 * visit made after it (from 'investigating'). Any other state is left to the state machine.
 */
function checkOpinionAllowed(work: Work, row: CaseRow, previous: OpinionRow | undefined): void {
  if (row.state === 'investigating') {
    if (!previous) {
      if (work.repo.visits(row.id).length === 0) throw new JiuzhuError('OPINION_NO_VISIT');
    } else if (!work.repo.visits(row.id).some((v) => v.opinion_id === previous.id)) {
      throw new JiuzhuError('OPINION_REINVESTIGATION_VISIT_MISSING', { round: String(previous.round) });
    }
  }
  if (row.state === 'disputed' && previous && !work.repo.reviews(row.id).some((r) => r.opinion_id === previous.id && r.kind === 'review')) {
    throw new JiuzhuError('OPINION_DISPUTE_UNRESOLVED', { round: String(previous.round) });
  }
}

/**
 * 初审意见, numbered per case (round). A proposal to approve goes to 公示 for 7 calendar days and
 * the masked list is queued; a proposal to refuse is never posted — the 初审意见告知书 with its
 * reasons is queued for the applicant and the case goes up for the county's decision.
 */
export function giveOpinion(work: Work, actor: string, caseId: string, version: number, o: OpinionInput): CaseRow {
  if (o.proposal === 'approve' && o.amountFen === undefined) throw new JiuzhuError('OPINION_AMOUNT_MISSING');
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    const previous = work.repo.opinions(caseId).at(-1);
    checkOpinionAllowed(work, row, previous);
    const round = (previous?.round ?? 0) + 1;
    const today = work.today();
    const id = work.id();
    const reasons = o.reasons.join('；');
    const b = work.noticeBase(row, app);
    const opinion = { id, round, proposal: o.proposal, reasons: o.reasons, community: o.community };
    // After a 先行救助 the 初审意见 completes the papers (reliefWork.ts).
    work.cases.repo.meetDeadline(caseId, 'relief_papers', work.now());
    if (o.proposal === 'refuse') {
      const note = translate('visits.notes.refusalProposed', { round: String(round), reasons }).slice(0, 500);
      const updated = work.cases.step(row, 'proposeRefusal', actor, note, app, { opinion: { ...opinion, amountFen: null, posted: false } });
      work.repo.insertOpinion({
        id,
        case_id: caseId,
        round,
        proposal: 'refuse',
        amount_fen: null,
        reasons: JSON.stringify(o.reasons),
        community: o.community,
        posted: 0,
        publicity_from: null,
        publicity_to: null,
        ended_on: null,
        given_at: work.now(),
        given_by: actor,
      });
      work.notice(
        caseId,
        'opinion-notice',
        opinionNoticeSchema,
        { ...b, acceptedOn: row.accepted_on ?? today, givenOn: today, round, reasons: o.reasons },
        actor,
      );
      return updated;
    }
    const to = addDays(today, PUBLICITY_DAYS - 1);
    const note = translate('visits.notes.publicityPosted', { round: String(round), from: today, to, reasons }).slice(0, 500);
    const updated = work.cases.step(row, 'giveOpinion', actor, note, app, {
      opinion: { ...opinion, amountFen: o.amountFen ?? null, posted: true, publicityFrom: today, publicityTo: to },
    });
    work.repo.insertOpinion({
      id,
      case_id: caseId,
      round,
      proposal: 'approve',
      amount_fen: o.amountFen ?? null,
      reasons: JSON.stringify(o.reasons),
      community: o.community,
      posted: 1,
      publicity_from: today,
      publicity_to: to,
      ended_on: null,
      given_at: work.now(),
      given_by: actor,
    });
    work.notice(
      caseId,
      'publicity',
      publicitySchema,
      {
        station: b.station,
        issuedOn: today,
        stage: 'initial',
        round,
        category: b.category,
        community: o.community,
        from: today,
        to,
        rows: [{ name: b.applicant.name, householdSize: row.household_size || 1, amountFen: o.amountFen ?? 0 }],
      },
      actor,
    );
    return updated;
  })();
}

/** The opinion now in 公示 (the last one, posted). */
function postedOpinion(work: Work, caseId: string): OpinionRow & { publicity_from: string; publicity_to: string } {
  const o = work.repo.opinions(caseId).at(-1);
  if (!o || !o.posted || !o.publicity_from || !o.publicity_to) throw new JiuzhuError('PUBLICITY_NO_OPINION');
  return o as OpinionRow & { publicity_from: string; publicity_to: string };
}

/**
 * An objection during 公示 — who, what, when (within the period, not in the future): the case is
 * disputed and the county's limit for the new 初审意见 starts (CaseSettings.limits.reopinionWorkingDays).
 */
export function recordObjection(work: Work, actor: string, caseId: string, version: number, ob: ObjectionInput): CaseRow {
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    const opinion = postedOpinion(work, caseId);
    const last = opinion.publicity_to < work.today() ? opinion.publicity_to : work.today();
    if (ob.receivedOn < opinion.publicity_from || ob.receivedOn > last)
      throw new JiuzhuError('PUBLICITY_OBJECTION_OUT_OF_PERIOD', { from: opinion.publicity_from, to: last });
    const id = work.id();
    const note = translate('visits.notes.objection', { round: String(opinion.round), content: ob.content }).slice(0, 500);
    const updated = work.cases.step(row, 'object', actor, note, app, {
      objection: { id, round: opinion.round, receivedOn: ob.receivedOn },
    });
    work.repo.insertObjection({
      id,
      case_id: caseId,
      opinion_id: opinion.id,
      objector: ob.objector,
      content: ob.content,
      received_on: ob.receivedOn,
      recorded_at: work.now(),
      recorded_by: actor,
    });
    return updated;
  })();
}

/**
 * A disputed case (审核确认办法 art. 19): a 民主评议 (3+ participants) that either stays disputed
 * until the new 初审意见 is given, or sends the case back to investigation; or re-investigation
 * straight away. Nothing here sends the case up: only a new 初审意见 (and its 公示) does.
 */
export function resolveDispute(work: Work, actor: string, caseId: string, version: number, r: ResolveInput): CaseRow {
  if (r.kind === 'review') {
    const people = distinct(r.participants);
    if (people.length < MIN_REVIEW_PARTICIPANTS) throw new JiuzhuError('REVIEW_PARTICIPANTS_TOO_FEW', { count: String(people.length) });
  }
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    if (row.state !== 'disputed') throw new JiuzhuError('PUBLICITY_REVIEW_WRONG_STEP', { state: work.stateLabel(row.state) });
    const opinion = postedOpinion(work, caseId);
    const id = work.id();
    const outcome = r.kind === 'review' ? r.outcome : 'reinvestigate';
    const summary = r.kind === 'review' ? r.summary : r.reason;
    const synced = { review: { id, kind: r.kind, round: opinion.round, outcome } };
    let updated: CaseRow;
    if (outcome === 'reinvestigate') {
      const note = translate('visits.notes.reinvestigate', { round: String(opinion.round), summary }).slice(0, 500);
      updated = work.cases.step(row, 'reinvestigate', actor, note, app, synced);
    } else {
      work.touch(
        row,
        app,
        'democraticReview',
        actor,
        translate('visits.notes.democraticReview', { round: String(opinion.round), summary }).slice(0, 500),
        synced,
      );
      updated = work.cases.mustGet(caseId);
    }
    work.repo.insertReview({
      id,
      case_id: caseId,
      kind: r.kind,
      held_on: r.kind === 'review' ? r.heldOn : work.today(),
      participants: JSON.stringify(r.kind === 'review' ? distinct(r.participants) : []),
      outcome,
      summary,
      recorded_at: work.now(),
      recorded_by: actor,
      opinion_id: opinion.id,
    });
    return updated;
  })();
}

/** 公示 over without objection, only after its last day: the case goes up and the county's decision limit starts. */
export function endPublicity(work: Work, actor: string, caseId: string, version: number): CaseRow {
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    const opinion = postedOpinion(work, caseId);
    if (row.state === 'publicity' && work.today() <= opinion.publicity_to)
      throw new JiuzhuError('PUBLICITY_NOT_OVER', { to: opinion.publicity_to });
    const note = translate('visits.notes.publicityEnded', {
      round: String(opinion.round),
      from: opinion.publicity_from,
      to: opinion.publicity_to,
    });
    const updated = work.cases.step(row, 'endPublicity', actor, note, app, {
      publicity: { round: opinion.round, from: opinion.publicity_from, to: opinion.publicity_to, objections: 0 },
    });
    work.repo.endOpinion(opinion.id, work.today());
    return updated;
  })();
}
