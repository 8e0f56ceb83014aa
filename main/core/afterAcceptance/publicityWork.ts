import { JiuzhuError } from '../../../common/contract/errors';
import type { Application } from '../../../common/cases/application';
import type { ObjectionInput, OpinionInput, ResolveInput, VisitInput } from '../../../common/contract/methods/visits';
import { publicitySchema } from '../../../common/documents/publicity';
import { visitFormSchema } from '../../../common/documents/visitForm';
import { translate } from '../../../common/i18n/translate';
import type { CaseRow } from '../cases/caseRepo';
import { distinctNames } from '../../../common/afterAcceptance/visitStatement';
import { addDays } from './dates';
import { checkVisitEvidence, evidenceBlobs, storeVisitEvidence, type VisitEvidence } from './visitEvidence';
import { VisitEvidenceRepo } from './visitEvidenceRepo';
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
      .map((m) => ({ name: m.name, relation: translate(`cases.relationships.${m.relationship}` as 'cases.relationships.self'), idNumber: m.idNumber, health: health(m), occupation: occupation(m), monthlyIncomeFen: incomeOf(m.idNumber) })),
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
    if (row.state !== 'accepted' && row.state !== 'investigating') throw new JiuzhuError('VISIT_WRONG_STEP', { state: work.stateLabel(row.state) });
    const id = work.id();
    work.repo.insertVisit({ id, case_id: caseId, visited_on: v.visitedOn, staff: JSON.stringify(staff), family_present: JSON.stringify(family), housing: v.housing, assets: v.assets, living_conditions: v.livingConditions, findings: v.findings, recorded_at: work.now(), recorded_by: actor });
    const evidenceRepo = new VisitEvidenceRepo(work.db);
    const evidence = storeVisitEvidence(work.cases.attachmentStore, evidenceRepo, { caseId, visitId: id, actor, now: work.now() }, v, staff, family);
    // Validated with the image bytes; kept in the notice queue as references to the encrypted attachments.
    const storedSignatures = evidence.signatures.map((s) => ({ role: s.role, name: s.name, png: { $attachment: s.attachmentId } }));
    work.notice(caseId, 'visit-form', visitFormSchema, visitForm(work, row, app, v, staff, evidence), actor, { signatures: storedSignatures });
    const synced = {
      visit: {
        id,
        visitedOn: v.visitedOn,
        staffCount: staff.length,
        findings: v.findings,
        photos: evidence.photos.map((p) => ({ sha256: p.sha256, source: p.source })),
        signatures: evidence.signatures.map((s) => ({ role: s.role, name: s.name, signedAt: s.signedAt, sha256: s.sha256, documentHash: s.documentHash })),
      },
    };
    let updated: CaseRow;
    if (row.state === 'accepted') {
      updated = work.cases.step(row, 'startInvestigation', actor, null, app, synced);
      work.cases.repo.meetDeadline(caseId, 'investigation_start', work.now());
    } else {
      work.touch(row, app, 'visit', actor, null, synced);
      updated = work.cases.mustGet(caseId);
    }
    const blobs = evidenceBlobs(evidence);
    if (blobs.length > 0) evidenceRepo.referenceBlobs(caseId, row.version, blobs);
    work.audit(actor, 'visits.evidence', caseId, { photos: evidence.photos.length, signatures: evidence.signatures.length });
    return updated;
  })();
}

/** 初审意见: the case goes to 公示 for 7 calendar days; the masked list is queued (approval proposals carry an amount). */
export function giveOpinion(work: Work, actor: string, caseId: string, version: number, o: OpinionInput): CaseRow {
  if (o.proposal === 'approve' && o.amountFen === undefined) throw new JiuzhuError('OPINION_AMOUNT_MISSING');
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    if (row.state === 'investigating' && work.repo.visits(caseId).length === 0) throw new JiuzhuError('OPINION_NO_VISIT');
    const from = work.today();
    const to = addDays(from, PUBLICITY_DAYS - 1);
    const id = work.id();
    const updated = work.cases.step(row, 'giveOpinion', actor, o.reasons.join('；').slice(0, 500), app, { opinion: { id, proposal: o.proposal, amountFen: o.amountFen ?? null, reasons: o.reasons, publicityFrom: from, publicityTo: to } });
    work.repo.insertOpinion({ id, case_id: caseId, proposal: o.proposal, amount_fen: o.amountFen ?? null, reasons: JSON.stringify(o.reasons), community: o.community, publicity_from: from, publicity_to: to, given_at: work.now(), given_by: actor });
    const b = work.noticeBase(row, app);
    work.notice(caseId, 'publicity', publicitySchema, {
      station: b.station,
      issuedOn: from,
      stage: 'initial',
      category: b.category,
      community: o.community,
      from,
      to,
      rows: [{ name: b.applicant.name, householdSize: row.household_size || 1, amountFen: o.amountFen ?? 0 }],
    }, actor);
    return updated;
  })();
}

function latestOpinion(work: Work, caseId: string) {
  const o = work.repo.opinions(caseId).at(-1);
  if (!o) throw new JiuzhuError('PUBLICITY_NO_OPINION');
  return o;
}

/** An objection during 公示: who, what, when; the case is disputed. */
export function recordObjection(work: Work, actor: string, caseId: string, version: number, ob: ObjectionInput): CaseRow {
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    const opinion = latestOpinion(work, caseId);
    const id = work.id();
    const updated = work.cases.step(row, 'object', actor, ob.content.slice(0, 500), app, { objection: { id, receivedOn: ob.receivedOn } });
    work.repo.insertObjection({ id, case_id: caseId, opinion_id: opinion.id, objector: ob.objector, content: ob.content, received_on: ob.receivedOn, recorded_at: work.now(), recorded_by: actor });
    return updated;
  })();
}

/** A disputed case: 民主评议 (uphold → awaiting decision; or re-investigate), or straight re-investigation. */
export function resolveDispute(work: Work, actor: string, caseId: string, version: number, r: ResolveInput): CaseRow {
  if (r.kind === 'review') {
    const people = distinct(r.participants);
    if (people.length < MIN_REVIEW_PARTICIPANTS) throw new JiuzhuError('REVIEW_PARTICIPANTS_TOO_FEW', { count: String(people.length) });
  }
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    const id = work.id();
    const action = r.kind === 'review' && r.outcome === 'uphold' ? 'concludeReview' : 'reinvestigate';
    const summary = r.kind === 'review' ? r.summary : r.reason;
    const updated = work.cases.step(row, action, actor, summary.slice(0, 500), app, { review: { id, kind: r.kind, outcome: r.kind === 'review' ? r.outcome : 'reinvestigate' } });
    work.repo.insertReview({
      id,
      case_id: caseId,
      kind: r.kind,
      held_on: r.kind === 'review' ? r.heldOn : work.today(),
      participants: JSON.stringify(r.kind === 'review' ? distinct(r.participants) : []),
      outcome: r.kind === 'review' ? r.outcome : 'reinvestigate',
      summary,
      recorded_at: work.now(),
      recorded_by: actor,
    });
    return updated;
  })();
}

/** 公示 over without objection: only after its last day. */
export function endPublicity(work: Work, actor: string, caseId: string, version: number): CaseRow {
  return work.db.transaction(() => {
    const { row, app } = work.caseAt(caseId, version);
    const opinion = latestOpinion(work, caseId);
    if (row.state === 'publicity' && work.today() <= opinion.publicity_to) throw new JiuzhuError('PUBLICITY_NOT_OVER', { to: opinion.publicity_to });
    return work.cases.step(row, 'endPublicity', actor, null, app, { publicity: { from: opinion.publicity_from, to: opinion.publicity_to, objections: 0 } });
  })();
}
