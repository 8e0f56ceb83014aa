import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceCapture } from '../../../common/capture/schemas';
import type { CaseDetail } from '../../../common/contract/methods/cases';
import type { BundlePayload } from '../../../common/sync/push';
import { makeRecordValidator } from '../../../city-platform/apply/validateRecord';
import { createCore, type CoreApi } from '../core';
import { readPdf } from '../documents/testing/pdfText';
import { silentLogger } from '../kernel/logging/logger';
import { lazyStationServices } from '../kernel/station/stationServices';
import { cardPhoto, documentCapture, faceCapture, greyJpeg, intakeSignature, signatureCapture } from './testing/captures';
import { CHILD, DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from './testing/household';

/**
 * The intake's authorization and late papers through the real dispatcher, on a real encrypted
 * station (issue 15 §10–15): each rule's refusal (the attacker's call, as a client that skips the
 * UI would make it) and its allowed path, and the records the platform's validator judges.
 */
const now = new Date('2026-02-12T09:00:00+08:00');
let core: CoreApi;
let dataDir: string;
const admin = { via: 'browser' as const, windowId: 'browser:admin' };
const worker = { via: 'browser' as const, windowId: 'browser:worker' };
const PASSWORD = 'Qiaotou#2026';

type Envelope = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };
const call = (method: string, input: Record<string, unknown>, ctx = worker) =>
  core.invoke(method as never, input as never, ctx) as Promise<Envelope>;
async function ok<T>(method: string, input: Record<string, unknown>, ctx = worker): Promise<T> {
  const r = await call(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.result as T;
}
async function refused(method: string, input: Record<string, unknown>): Promise<{ code: string; message: string }> {
  const r = await call(method, input);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r.error;
}
type Auth = CaseDetail['authorizations'][number];
const detail = (caseId: string) => ok<CaseDetail>('cases.get', { caseId });

async function setSettings(change: Record<string, unknown>) {
  const current = await ok<{ settings: Record<string, unknown> }>('cases.settings', {}, admin);
  await ok('cases.setSettings', { settings: { ...current.settings, ...change } }, admin);
}

/** The outbox rows of a case, read from the station's own encrypted file (the app's core is closed for nothing: a second handle reads). */
interface OutboxRow {
  kind: string;
  caseId: string;
  baseVersion: number | null;
  blobs: string[];
  body: Record<string, unknown>;
}
let outboxRows: (caseId: string) => Promise<OutboxRow[]>;
let closeReader: () => Promise<void> = async () => {};

/** A live face (auto capture, one face, live scores) with these overrides. */
const face = (over: Partial<FaceCapture> = {}): FaceCapture => ({ ...faceCapture(), ...over });

async function draft(materials = DIBAO_MATERIALS_RECEIVED) {
  return ok<{ caseId: string; rev: number }>('intake.save', { application: threePersonDibao({ materials }) });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-intake-auth-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'e'.repeat(64),
  });
  await ok(
    'setup.init',
    { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: { username: 'admin', displayName: '王站长', password: PASSWORD } },
    admin,
  );
  await ok('session.login', { username: 'admin', password: PASSWORD }, admin);
  await ok('accounts.create', { username: 'worker', displayName: '刘经办', roles: ['caseworker'], password: 'Temp#pass2026' }, admin);
  await ok('session.login', { username: 'worker', password: 'Temp#pass2026' }, worker);
  await ok('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Station#Counter9' }, worker);
  // The outbox as the sync engine will read it: a second handle on the station's encrypted file, opened by a login.
  const reader = lazyStationServices({ dataDir, clock: { now: () => now }, logger: silentLogger, deviceId: async () => 'e'.repeat(64) });
  outboxRows = async (caseId) => {
    const s = await reader();
    s.auth.login('admin', PASSWORD);
    return (
      s.station.db
        .prepare('SELECT kind, case_id AS caseId, base_version AS baseVersion, blobs, body FROM outbox WHERE case_id = ? ORDER BY seq')
        .all(caseId) as Array<{ kind: string; caseId: string; baseVersion: number | null; blobs: string; body: string }>
    ).map((r) => ({
      ...r,
      blobs: JSON.parse(r.blobs) as string[],
      body: JSON.parse(r.body) as Record<string, unknown>,
    }));
  };
  closeReader = async () => (await reader()).auth.close();
}, 60_000);
afterAll(async () => {
  await closeReader();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const validate = makeRecordValidator(() => '2026-02-12');
const asRecord = (r: OutboxRow, seq = 1): BundlePayload['records'][number] => ({
  id: '00000000-0000-4000-8000-000000000001',
  seq,
  kind: r.kind,
  caseId: r.caseId,
  ...(r.baseVersion === null ? {} : { baseVersion: r.baseVersion }),
  blobs: r.blobs,
  madeAt: now.toISOString(),
  body: r.body,
});

describe('§11 the pad signature is bound to this signer’s statement for this case', () => {
  it('refuses a signature with no hash, with another signer’s, or another case’s; takes the bound one and keeps its hash', async () => {
    const { caseId } = await draft();
    const other = await draft();
    const none = await refused('intake.authorize', {
      caseId,
      signerIdNumber: HUSBAND.idNumber,
      signature: signatureCapture(HUSBAND.name),
      face: face(),
    });
    expect(none.code).toBe('CASE_SIGNATURE_UNBOUND');
    expect(none.message).toContain('张*国');
    expect(
      (
        await refused('intake.authorize', {
          caseId,
          signerIdNumber: HUSBAND.idNumber,
          signature: { ...intakeSignature(caseId, WIFE), signer: HUSBAND.name },
          face: face(),
        })
      ).code,
    ).toBe('CASE_SIGNATURE_UNBOUND');
    expect(
      (
        await refused('intake.authorize', {
          caseId,
          signerIdNumber: HUSBAND.idNumber,
          signature: intakeSignature(other.caseId, HUSBAND),
          face: face(),
        })
      ).code,
    ).toBe('CASE_SIGNATURE_UNBOUND');
    expect((await detail(caseId)).authorizations).toEqual([]);

    const signature = intakeSignature(caseId, HUSBAND);
    const a = await ok<Auth>('intake.authorize', { caseId, signerIdNumber: HUSBAND.idNumber, signature, face: face() });
    expect(a.documentHash).toBe(signature.documentHash);
    expect(a.route).toBe('pad');
  });
});

describe('§12 the face verdict is core’s, not the client’s', () => {
  it('recomputes the verdict from the scores: a claimed pass with spoof-level liveness is refused as a fail', async () => {
    const { caseId } = await draft();
    const lying = face({ liveness: { antispoof: 0.1, liveness: 0.15, pass: 0.05, verdict: 'pass' }, verdict: 'pass' });
    const e = await refused('intake.authorize', {
      caseId,
      signerIdNumber: HUSBAND.idNumber,
      signature: intakeSignature(caseId, HUSBAND),
      face: lying,
    });
    expect(e.code).toBe('CASE_FACE_FAILED');
    expect(e.message).toContain('纸质授权书');
  });

  it('refuses no face where the county requires one, no face or two in the frame, and a JPEG that is not the frame it claims to be', async () => {
    const { caseId } = await draft();
    const sig = intakeSignature(caseId, HUSBAND);
    expect((await refused('intake.authorize', { caseId, signerIdNumber: HUSBAND.idNumber, signature: sig, face: null })).code).toBe(
      'CASE_FACE_REQUIRED',
    );
    expect(
      (
        await refused('intake.authorize', {
          caseId,
          signerIdNumber: HUSBAND.idNumber,
          signature: sig,
          face: face({ quality: { ...faceCapture().quality, faceCount: 0 } }),
        })
      ).code,
    ).toBe('CASE_FACE_NOT_ONE');
    const tiny = greyJpeg(8, 8);
    const claimsBig = face({ image: { mime: 'image/jpeg', base64: tiny.toString('base64'), bytes: tiny.length, width: 640, height: 480 } });
    expect((await refused('intake.authorize', { caseId, signerIdNumber: HUSBAND.idNumber, signature: sig, face: claimsBig })).code).toBe(
      'CASE_FACE_IMAGE_INVALID',
    );
    const notJpeg = Buffer.from('not a jpeg at all, only bytes');
    expect(
      (
        await refused('intake.authorize', {
          caseId,
          signerIdNumber: HUSBAND.idNumber,
          signature: sig,
          face: face({ image: { mime: 'image/jpeg', base64: notJpeg.toString('base64'), bytes: notJpeg.length, width: 640, height: 480 } }),
        })
      ).code,
    ).toBe('CASE_FACE_IMAGE_INVALID');
  });

  it('keeps core’s verdict beside the claim (a manual capture is review at best), the stored photo’s hash and size', async () => {
    const { caseId } = await draft();
    const manual = face({ mode: 'manual', manualReason: '老人眼睛不便睁开', verdict: 'pass' });
    const a = await ok<Auth>('intake.authorize', {
      caseId,
      signerIdNumber: HUSBAND.idNumber,
      signature: intakeSignature(caseId, HUSBAND),
      face: manual,
    });
    expect(a.faceVerdict).toBe('review');
    expect(a.face).toMatchObject({
      verdict: 'review',
      claimedVerdict: 'pass',
      width: 640,
      height: 480,
      cardPhoto: 'unavailable',
      cardMatchScore: null,
    });
    const stored = await ok<{ base64: string }>('cases.attachment', { caseId, attachmentId: a.faceAttachmentId });
    expect(a.face!.sha256).toBe(createHash('sha256').update(Buffer.from(stored.base64, 'base64')).digest('hex'));
  });
});

describe('§14 the face is matched to the card photo where there is one', () => {
  it('keeps the score and the card photo’s hash; a similarity with no card photo does not count; a match below the county threshold fails', async () => {
    const { caseId } = await draft();
    const matched = face({ match: { score: 0.71, pass: 0.55, review: 0.45, verdict: 'pass' } });
    const a = await ok<Auth>('intake.authorize', {
      caseId,
      signerIdNumber: HUSBAND.idNumber,
      signature: intakeSignature(caseId, HUSBAND),
      face: matched,
      cardPhoto: cardPhoto(),
    });
    expect(a.face).toMatchObject({ verdict: 'pass', cardPhoto: 'matched', cardMatchScore: 0.71 });
    expect(a.face!.cardPhotoSha256).toMatch(/^[0-9a-f]{64}$/);

    const noCard = await ok<Auth>('intake.authorize', {
      caseId,
      signerIdNumber: WIFE.idNumber,
      signature: intakeSignature(caseId, WIFE),
      face: matched,
    });
    expect(noCard.face).toMatchObject({ cardPhoto: 'unavailable', cardMatchScore: null });

    // The client lowered its own thresholds to call 0.30 a pass: core judges with the county's.
    const stranger = face({ match: { score: 0.3, pass: 0.2, review: 0.1, verdict: 'pass' }, verdict: 'pass' });
    expect(
      (
        await refused('intake.authorize', {
          caseId,
          signerIdNumber: WIFE.idNumber,
          signature: intakeSignature(caseId, WIFE),
          face: stranger,
          cardPhoto: cardPhoto(),
        })
      ).code,
    ).toBe('CASE_FACE_FAILED');
  });
});

describe('§10 after submission nothing is replaced; what is added is a synced amendment', () => {
  it('the reported attack: an accepted case’s authorization replaced by an unbound signature with a failed face — refused, the original kept', async () => {
    const { caseId, rev } = await draft();
    const husband = await ok<Auth>('intake.authorize', {
      caseId,
      signerIdNumber: HUSBAND.idNumber,
      signature: intakeSignature(caseId, HUSBAND),
      face: face(),
    });
    await ok('intake.authorize', { caseId, signerIdNumber: WIFE.idNumber, signature: intakeSignature(caseId, WIFE), face: face() });
    await ok('intake.submit', { caseId, rev });
    await ok('cases.decide', { caseId, version: 1, decision: { kind: 'accept' } });

    const failed = face({ liveness: { antispoof: 0.05, liveness: 0.05, pass: 0.5, verdict: 'fail' }, verdict: 'fail' });
    expect(
      (await refused('intake.authorize', { caseId, signerIdNumber: HUSBAND.idNumber, signature: signatureCapture(), face: failed })).code,
    ).toBe('CASE_AUTHORIZATION_SIGNED');
    const rebound = await refused('intake.authorize', {
      caseId,
      signerIdNumber: HUSBAND.idNumber,
      signature: intakeSignature(caseId, HUSBAND),
      face: face(),
    });
    expect(rebound.code).toBe('CASE_AUTHORIZATION_SIGNED');
    const after = await detail(caseId);
    expect(after.authorizations.find((x) => x.signerIdNumber === HUSBAND.idNumber)?.id).toBe(husband.id);
    expect(after.version).toBe(2);

    // The submit record carried both authorizations, and the platform's validator takes it.
    const submit = (await outboxRows(caseId)).find((r) => r.kind === 'case.upsert' && r.body['action'] === 'submit')!;
    expect((submit.body['authorizations'] as Array<{ signer: { idNumber: string } }>).map((x) => x.signer.idNumber).sort()).toEqual(
      [HUSBAND.idNumber, WIFE.idNumber].sort(),
    );
    expect(validate(asRecord(submit))).toEqual({ ok: true });
    const forged = {
      ...submit,
      body: { ...submit.body, authorizations: [{ ...(submit.body['authorizations'] as object[])[0]!, face: null, faceRequired: true }] },
    };
    expect(validate(asRecord(forged))).toMatchObject({ ok: false, code: 'SYNC_RECORD_INVALID' });
  });

  it('a late 补正 paper is added after the pages on file, numbered, on the timeline and sent as case.amendment; a finished case takes none', async () => {
    const { caseId, rev } = await draft(DIBAO_MATERIALS_RECEIVED.filter((m) => m.code !== 'income_statement'));
    await ok('intake.addMaterial', { caseId, code: 'hukou', capture: documentCapture(2) });
    await ok('intake.submit', { caseId, rev: rev + 1 });
    const first = await ok<{ attachmentIds: string[] }>('intake.addMaterial', { caseId, code: 'hukou', capture: documentCapture(1) });
    await ok('intake.addMaterial', { caseId, code: 'income_statement', capture: documentCapture(1) });

    const d = await detail(caseId);
    expect(d.version).toBe(1);
    expect(d.attachments.filter((a) => a.role === 'material' && a.ref === 'hukou').map((a) => a.page)).toEqual([0, 1, 2]);
    expect(d.materials.find((m) => m.code === 'income_statement')?.status).toBe('received');
    expect(d.timeline.filter((e) => e.action === 'amendMaterial').map((e) => e.note)).toEqual(['#1 hukou', '#2 income_statement']);
    const amendments = (await outboxRows(caseId)).filter((r) => r.kind === 'case.amendment');
    expect(amendments.map((r) => r.body['amendment'])).toEqual([1, 2]);
    const stored = await ok<{ base64: string }>('cases.attachment', { caseId, attachmentId: first.attachmentIds[0] });
    expect(amendments[0]!.blobs).toEqual([createHash('sha256').update(Buffer.from(stored.base64, 'base64')).digest('hex')]);
    expect(validate(asRecord(amendments[0]!))).toEqual({ ok: true });
    expect(validate(asRecord({ ...amendments[0]!, blobs: ['ab'.repeat(32)] }))).toMatchObject({ ok: false, code: 'SYNC_RECORD_INVALID' });

    await ok('cases.act', { caseId, version: 1, action: 'withdraw', note: '申请人撤回' });
    const closed = await refused('intake.addMaterial', { caseId, code: 'hukou', capture: documentCapture(1) });
    expect(closed.code).toBe('CASE_CLOSED');
    expect(closed.message).toContain('已撤回');
  });

  it('a signer missing at submission signs later: an amendment with its own case.authorization record', async () => {
    const { caseId, rev } = await draft();
    await ok('intake.authorize', { caseId, signerIdNumber: HUSBAND.idNumber, signature: intakeSignature(caseId, HUSBAND), face: face() });
    await ok('intake.submit', { caseId, rev });
    const late = await ok<Auth>('intake.authorize', {
      caseId,
      signerIdNumber: WIFE.idNumber,
      signature: intakeSignature(caseId, WIFE),
      face: face(),
    });
    expect(late.amendment).toBe(1);
    const d = await detail(caseId);
    expect(d.timeline.map((e) => e.action)).toContain('amendAuthorization');
    const rec = (await outboxRows(caseId)).find((r) => r.kind === 'case.authorization')!;
    expect(rec.body).toMatchObject({ authorizationId: late.id, route: 'pad', amendment: 1, signer: { idNumber: WIFE.idNumber } });
    expect(rec.blobs).toHaveLength(2);
    expect(validate(asRecord(rec))).toEqual({ ok: true });
    const failing = { ...rec, body: { ...rec.body, face: { ...(rec.body['face'] as object), verdict: 'fail' } } };
    expect(validate(asRecord(failing))).toMatchObject({ ok: false, code: 'SYNC_RECORD_INVALID' });
    await ok('cases.decide', { caseId, version: 1, decision: { kind: 'accept' } });
  });
});

describe('§13 the paper route: the printed 授权书 signed by hand, scanned back', () => {
  it('refuses a scan with no printed form, a form of another signer, a form not yet issued; takes the issued one without a face where the county allows', async () => {
    const { caseId } = await draft();
    const scan = documentCapture(1);
    const paper = (over: Record<string, unknown>) => ({
      caseId,
      signerIdNumber: WIFE.idNumber,
      scan,
      reason: 'elderly',
      face: null,
      ...over,
    });
    expect((await refused('intake.authorizePaper', paper({ requestId: 'no-such-request' }))).code).toBe('CASE_PAPER_FORM_INVALID');
    const husbandsForm = await ok<{ requestId: string }>('intake.authorizationForm', { caseId, signerIdNumber: HUSBAND.idNumber });
    await ok('printQueue.issue', { requestId: husbandsForm.requestId });
    expect((await refused('intake.authorizePaper', paper({ requestId: husbandsForm.requestId }))).code).toBe('CASE_PAPER_FORM_INVALID');
    const form = await ok<{ requestId: string; statementHash: string; statementVersion: number }>('intake.authorizationForm', {
      caseId,
      signerIdNumber: WIFE.idNumber,
    });
    expect(form.statementHash).toBe(intakeSignature(caseId, WIFE).documentHash);
    expect((await refused('intake.authorizePaper', paper({ requestId: form.requestId }))).code).toBe('CASE_PAPER_FORM_INVALID');
    expect((await refused('intake.authorizationForm', { caseId, signerIdNumber: CHILD.idNumber })).code).toBe('CASE_SIGNER_UNKNOWN');

    // The printed form: the signer, a blank line to sign on, the statement's version and hash.
    const issued = await ok<{ id: string }>('printQueue.issue', { requestId: form.requestId });
    const pdf = await ok<{ pdfBase64: string }>('documents.get', { documentId: issued.id });
    const text = (await readPdf(Buffer.from(pdf.pdfBase64, 'base64'))).flatMap((p) => p.items.map((i) => i.str)).join('');
    expect(text).toContain('李秀英');
    expect(text).toContain('签名或按指印');
    expect(text).toContain(form.statementHash.slice(0, 16));

    expect((await refused('intake.authorizePaper', paper({ requestId: form.requestId, reason: 'other' }))).code).toBe(
      'CASE_PAPER_REASON_NOTE',
    );
    const failed = face({ liveness: { antispoof: 0.05, liveness: 0.05, pass: 0.5, verdict: 'fail' }, verdict: 'fail' });
    expect((await refused('intake.authorizePaper', paper({ requestId: form.requestId, face: failed }))).code).toBe('CASE_FACE_FAILED');
    await setSettings({ paperFaceRequired: true });
    expect((await refused('intake.authorizePaper', paper({ requestId: form.requestId }))).code).toBe('CASE_FACE_REQUIRED_PAPER');
    await setSettings({ paperFaceRequired: false });

    const a = await ok<Auth>('intake.authorizePaper', paper({ requestId: form.requestId }));
    expect(a).toMatchObject({
      route: 'paper',
      paperReason: 'elderly',
      face: null,
      documentHash: form.statementHash,
      signatureSha256: null,
    });
    expect(a.scanAttachmentIds).toEqual([a.signatureAttachmentId]);
    const d = await detail(caseId);
    expect(d.requiredSigners.find((s) => s.idNumber === WIFE.idNumber)?.signed).toBe(true);
    expect(d.timeline.map((e) => e.action)).toContain('authorizePaper');
  });

  it('a paper authorization after submission is a case.authorization record the platform validates, its scan and form named', async () => {
    const { caseId, rev } = await draft();
    await ok('intake.authorize', { caseId, signerIdNumber: HUSBAND.idNumber, signature: intakeSignature(caseId, HUSBAND), face: face() });
    await ok('intake.submit', { caseId, rev });
    const form = await ok<{ requestId: string }>('intake.authorizationForm', { caseId, signerIdNumber: WIFE.idNumber });
    const issued = await ok<{ sha256: string }>('printQueue.issue', { requestId: form.requestId });
    const a = await ok<Auth>('intake.authorizePaper', {
      caseId,
      signerIdNumber: WIFE.idNumber,
      requestId: form.requestId,
      scan: documentCapture(2),
      reason: 'no_pad',
      face: face(),
    });
    expect(a).toMatchObject({ route: 'paper', amendment: 1, face: { verdict: 'pass', cardPhoto: 'unavailable' } });
    const rec = (await outboxRows(caseId)).find((r) => r.kind === 'case.authorization')!;
    expect(rec.body).toMatchObject({
      route: 'paper',
      signature: null,
      paper: { reason: 'no_pad', formRequestId: form.requestId, formSha256: issued.sha256 },
    });
    const scans = (rec.body['paper'] as { scanSha256: string[] }).scanSha256;
    expect(scans).toHaveLength(2);
    expect(rec.blobs.sort()).toEqual([...new Set([...scans, (rec.body['face'] as { sha256: string }).sha256])].sort());
    expect(validate(asRecord(rec))).toEqual({ ok: true });
    const noScan = { ...rec, body: { ...rec.body, paper: null } };
    expect(validate(asRecord(noScan))).toMatchObject({ ok: false, code: 'SYNC_RECORD_INVALID' });
    await ok('cases.decide', { caseId, version: 1, decision: { kind: 'accept' } });
  });
});
