import { describe, expect, it } from 'vitest';
import { KNOWN_RECORD_KINDS, type OutboxRecord } from '../../common/sync/push';
import {
  caseAmendmentRecord,
  caseAuthorizationRecord,
  certificationRecord,
  changeProposalRecord,
  decisionRefusalRecord,
  documentMetaRecord,
  monitoringEntryRecord,
  ratingFollowUpRecord,
  ratingRecord,
  RECORD_KINDS,
  reliefPaymentRecord,
  rosterImportedRecord,
  type OutboundRecord,
} from '../../sync-protocol/records/index';
import { caseStep, idNumber } from '../testClient/fixtures';
import { makeRecordValidator } from './validateRecord';

/**
 * Every record kind, through the reference platform's validator: what its one builder makes is
 * taken, and a body made by hand with one field wrong is refused with the kind and that field named.
 */
const validate = makeRecordValidator(() => '2026-09-01');
let seq = 0;
const sent = (r: OutboundRecord): OutboxRecord => ({
  ...r,
  id: '00000000-0000-4000-8000-000000000001',
  seq: ++seq,
  madeAt: '2026-09-01T01:00:00Z',
});
const detail = (r: OutboundRecord | OutboxRecord) => {
  const v = validate('id' in r ? r : sent(r));
  return v.ok ? 'taken' : `${v.code} ${String(v.params['detail'] ?? v.params['kind'])}`;
};
/** The same record with its body changed by hand. */
const withBody = (r: OutboundRecord, change: Record<string, unknown>): OutboxRecord => ({
  ...sent(r),
  body: { ...(r.body as Record<string, unknown>), ...change },
});

const sha = (c: string) => c.repeat(64);
const CASE = 'C-1';
const SIGNER = idNumber(41);

const built: Record<string, OutboundRecord> = {
  'case.upsert': caseStep(CASE, 40, { members: 2 }),
  'document.meta': documentMetaRecord(CASE, [
    {
      sha256: sha('a'),
      kind: 'document-scan',
      role: 'material',
      ref: 'hukou',
      page: 0,
      size: 48211,
      contentType: 'image/webp',
      addedAt: '2026-09-01T09:31:00+08:00',
    },
    {
      sha256: sha('b'),
      kind: 'face-photo',
      role: 'face',
      ref: SIGNER,
      page: 0,
      size: 20111,
      contentType: 'image/jpeg',
      addedAt: '2026-09-01T09:32:00+08:00',
    },
  ]),
  'certification.record': certificationRecord({
    certificationId: 'cert-1',
    rosterId: 'r-1',
    caseId: CASE,
    person: { idNumber: SIGNER, name: '张建国' },
    method: 'counter',
    result: 'pass',
    outcome: 'certified',
    certifiedOn: '2026-09-01',
    recordedAt: '2026-09-01T01:00:00.000Z',
    match: { score: 0.81, verdict: 'pass' },
    liveness: { antispoof: 0.93, liveness: 0.9, verdict: 'pass' },
    thresholds: { matchPass: 0.55, matchReview: 0.45, livePass: 0.5, liveReview: 0.2 },
    referenceSource: 'enrolled',
    photoSha256: sha('c'),
    confirmation: null,
    proxy: null,
    homeVisit: null,
    nextDueOn: '2027-09-01',
  }),
  'change.proposal': changeProposalRecord({
    proposalId: 'p-1',
    caseId: CASE,
    rosterId: 'r-1',
    origin: 'review',
    originId: 'rv-1',
    outcome: 'stop',
    previousAmountFen: 68000,
    effectiveMonth: '2026-10',
    reasons: ['家庭人均收入超过标准'],
    legalBasis: ['《最低生活保障审核确认办法》第三十一条'],
    proposedAt: '2026-09-01T01:00:00Z',
  }),
  'decision.refusal': decisionRefusalRecord({
    decisionId: 'dec-1',
    decisionKind: 'decision',
    caseId: CASE,
    code: 'DECISION_WRONG_STEP',
    reason: '案件当前状态为“已受理”，不是待审核确认，不能办理审批决定。',
    caseState: 'accepted',
    receivedAt: '2026-09-01T01:00:00Z',
  }),
  'case.authorization': caseAuthorizationRecord({
    authorizationId: 'auth-1',
    caseId: CASE,
    caseNo: '500110-2026-01-00007',
    signer: { idNumber: SIGNER, name: '李秀英', role: 'member' },
    route: 'pad',
    paper: null,
    statement: { version: 1, sha256: sha('d') },
    signature: { sha256: sha('e'), padSha256: sha('f') },
    face: null,
    faceRequired: false,
    signedAt: '2026-09-01T01:00:00Z',
    recordedAt: '2026-09-01T01:00:05Z',
    amendment: 1,
  }),
  'case.amendment': caseAmendmentRecord({
    caseId: CASE,
    caseNo: '500110-2026-01-00007',
    amendment: 2,
    state: 'accepted',
    caseVersion: 2,
    at: '2026-09-01T01:00:00Z',
    material: {
      code: 'income_statement',
      pages: [
        { sha256: sha('1'), page: 0, size: 48211, contentType: 'image/webp' },
        { sha256: sha('2'), page: 1, size: 40000, contentType: 'image/webp' },
      ],
    },
  }),
  'relief.payment': reliefPaymentRecord({
    paymentId: 'pay-1',
    caseId: CASE,
    kind: 'advance',
    amountFen: 80000,
    form: 'cash',
    payments: 1,
    paidOn: '2026-08-31',
    paidBy: '王明',
    reason: '家中失火',
    papersDueOn: '2026-09-14',
    recordedAt: '2026-09-01T01:00:00Z',
  }),
  'monitoring.entry': monitoringEntryRecord({
    monitoringId: 'm-1',
    caseId: CASE,
    action: 'enter',
    origin: 'refused',
    idNumbers: [SIGNER],
    reason: '申请未获批准，家庭收入接近标准',
    at: '2026-09-01T01:00:00Z',
  }),
  'rating.record': ratingRecord({
    ratingId: 'rating_1',
    service: 'enquiry',
    caseId: null,
    ref: null,
    station: { regionCode: '500110', name: '桥头镇社会救助工作站' },
    level: 'satisfied',
    reasons: [],
    comment: null,
    askedAt: '2026-09-01T01:00:00Z',
    ratedAt: '2026-09-01T01:00:20Z',
    scale: 'gb-haochaping-5',
  }),
  'rating.follow-up': ratingFollowUpRecord({
    ratingId: 'rating_1',
    caseId: CASE,
    action: 'callback',
    note: '已电话回访',
    closed: true,
    at: '2026-09-02T01:00:00Z',
  }),
  'roster.imported': rosterImportedRecord({
    caseId: CASE,
    caseNo: '500110-2026-01-00008',
    version: 1,
    importId: 'imp-1',
    at: '2026-09-01T01:00:00Z',
    type: 'dibao',
    subtype: 'rural',
    applicant: { idNumber: SIGNER, name: '张建国' },
    members: [
      { idNumber: SIGNER, name: '张建国', relationship: 'self' },
      { idNumber: idNumber(42), name: '李秀英', relationship: 'spouse' },
    ],
    amountFen: 69000,
    monthly: true,
    sinceMonth: '2025-02',
    nextReviewOn: '2027-02-28',
    lastCertifiedOn: null,
  }),
};

/** Per kind: one field made wrong by hand, and the refusal that names the kind and the field. */
const wrong: Record<string, [OutboxRecord, string]> = {
  'case.upsert': [withBody(built['case.upsert']!, { state: 'pending' }), 'case.upsert body.state：'],
  'document.meta': [{ ...sent(built['document.meta']!), blobs: [sha('a')] }, 'document.meta blobs：与记录内容列出的附件指纹不一致'],
  'certification.record': [withBody(built['certification.record']!, { result: 'ok' }), 'certification.record body.result：'],
  'change.proposal': [withBody(built['change.proposal']!, { outcome: 'adjust' }), 'change.proposal body.newAmountFen：'],
  'decision.refusal': [withBody(built['decision.refusal']!, { decisionKind: 'warning' }), 'decision.refusal body.decisionKind：'],
  'case.authorization': [withBody(built['case.authorization']!, { signature: null }), 'case.authorization body.signature：'],
  'case.amendment': [withBody(built['case.amendment']!, { caseId: 'C-2' }), 'case.amendment body.caseId：与记录的 caseId 不一致'],
  'relief.payment': [withBody(built['relief.payment']!, { form: 'cheque' }), 'relief.payment body.form：'],
  'monitoring.entry': [withBody(built['monitoring.entry']!, { name: '张建国' }), 'monitoring.entry body：Unrecognized key: "name"'],
  'rating.record': [withBody(built['rating.record']!, { level: 'good' }), 'rating.record body.level：'],
  'rating.follow-up': [withBody(built['rating.follow-up']!, { note: '' }), 'rating.follow-up body.note：'],
  'roster.imported': [
    withBody(built['roster.imported']!, { applicant: { idNumber: idNumber(42), name: '李秀英' } }),
    'roster.imported body.members：成员中须有且只有户主本人一行',
  ],
};

describe('typed sync records through the platform validator', () => {
  it('covers every kind the module registers, and only those', () => {
    expect(Object.keys(built).sort()).toEqual([...RECORD_KINDS].sort());
    expect(Object.keys(wrong).sort()).toEqual([...RECORD_KINDS].sort());
    expect([...RECORD_KINDS].sort()).toEqual([...KNOWN_RECORD_KINDS].sort());
  });

  for (const kind of Object.keys(built)) {
    it(`${kind}: the builder's record is taken; a hand-made bad body is refused naming ${kind} and the field`, () => {
      expect(detail(built[kind]!)).toBe('taken');
      const [bad, named] = wrong[kind]!;
      expect(detail(bad)).toContain(`SYNC_RECORD_INVALID ${named}`);
    });
  }

  it('refuses what needs today or the platform’s rules, naming the field: check digits, the applicant, an advance paid tomorrow', () => {
    const step = built['case.upsert']!;
    const { applicant: _dropped, ...noApplicant } = step.body as Record<string, unknown>;
    expect(detail({ ...sent(step), body: noApplicant })).toBe('SYNC_RECORD_INVALID case.upsert body.applicant：申请人身份证号码缺失');
    expect(detail(withBody(step, { applicant: { idNumber: '110105194912310021', name: '王小文' } }))).toContain(
      'case.upsert body.applicant.idNumber：申请人身份证号码无效',
    );
    expect(detail(withBody(built['monitoring.entry']!, { idNumbers: [SIGNER, '500110198005120011'] }))).toBe(
      'SYNC_RECORD_INVALID monitoring.entry body.idNumbers.1：身份证号码无效',
    );
    expect(detail(withBody(built['relief.payment']!, { paidOn: '2026-09-02' }))).toBe(
      'SYNC_RECORD_INVALID relief.payment body.paidOn：发放日期晚于今天',
    );
    const imported = built['roster.imported']!.body as { members: Array<{ idNumber: string }> };
    const badMember = { ...imported.members[1]!, idNumber: '500110198005120011' };
    expect(detail(withBody(built['roster.imported']!, { members: [imported.members[0], badMember] }))).toBe(
      'SYNC_RECORD_INVALID roster.imported body.members.1.idNumber：成员身份证号码无效',
    );
    expect(detail(withBody(built['certification.record']!, { method: 'proxy' }))).toContain(
      'certification.record body.proxy：代办认证缺少代办人',
    );
  });

  it('tells a kind it does not know apart: notice.issued was declared and never written, and is no longer taken', () => {
    expect(RECORD_KINDS).not.toContain('notice.issued');
    expect(detail({ ...sent(built['decision.refusal']!), kind: 'notice.issued' })).toBe('SYNC_RECORD_UNKNOWN_KIND notice.issued');
  });
});
