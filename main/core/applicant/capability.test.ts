import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationStatement, sha256Hex } from '../../../common/capture/signatureBinding';
import type { CoreEvent } from '../../../common/contract/index';
import { faceCapture } from '../cases/testing/captures';
import { createCore, type CoreApi } from '../core';
import { silentLogger } from '../kernel/logging/logger';

/** Pairing, per-window delivery, signing / confirm / 信息有误, the lock that holds the view, and the fall-back when the clerk's session ends. */
let now = new Date('2026-11-30T09:00:00+08:00');
let core: CoreApi;
let dataDir: string;
const clerk = { via: 'browser' as const, windowId: 'browser:clerk-window' };
const screen = { via: 'browser' as const, windowId: 'browser:applicant-screen' };
const other = { via: 'browser' as const, windowId: 'browser:other-page' };
const PASSWORD = 'Qiaotou#2026';
const received: Record<string, CoreEvent[]> = { clerk: [], screen: [], other: [], plain: [] };
const SIGNATURE = {
  kind: 'signature' as const,
  capturedAt: '2026-11-30T01:00:00.000Z',
  png: { mime: 'image/png' as const, base64: 'iVBORw0KGgo=', bytes: 8, width: 10, height: 10 },
  dpi: 200,
  pad: { width: 640, height: 240 },
  pointerType: 'mouse',
  strokes: [
    [
      { x: 1, y: 1, pressure: 0.5, t: 0 },
      { x: 100, y: 50, pressure: 0.5, t: 100 },
    ],
  ],
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-applicant-'));
  core = createCore({
    shell: 'browser',
    dataDir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'b'.repeat(64),
  });
  core.onEvent((e) => received.clerk!.push(e), clerk.windowId);
  core.onEvent((e) => received.screen!.push(e), screen.windowId);
  core.onEvent((e) => received.other!.push(e), other.windowId);
  core.onEvent((e) => received.plain!.push(e));
  await core.invoke(
    'setup.init',
    { stationName: '桥头镇社会救助工作站', regionCode: '500110', admin: { username: 'admin', displayName: '王站长', password: PASSWORD } },
    clerk,
  );
  await core.invoke('session.login', { username: 'admin', password: PASSWORD }, clerk);
  await core.invoke('accounts.create', { username: 'clerk1', displayName: '李受理', roles: ['clerk'], password: 'Temp#pass2026' }, clerk);
  await core.invoke(
    'cases.setSettings',
    { settings: { policyNotices: [{ title: '低保政策', body: '家庭人均收入低于当地标准可申请。' }] } },
    clerk,
  );
  await core.invoke('session.login', { username: 'clerk1', password: 'Temp#pass2026' }, clerk);
  await core.invoke('session.changePassword', { oldPassword: 'Temp#pass2026', newPassword: 'Clerk#pass2026' }, clerk);
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ok = <T>(e: { ok: boolean; result?: unknown }) => {
  expect(e).toMatchObject({ ok: true });
  return e.result as T;
};
const applicantEvents = (k: string) => received[k]!.filter((e) => e.event.startsWith('applicant.'));

describe('the applicant screen', () => {
  let viewId = '';

  it('pairs with a one-time code; the idle view carries the policy notices and no personal data', async () => {
    const { code } = ok<{ code: string }>(await core.invoke('applicant.open', {}, clerk));
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(await core.invoke('applicant.pair', { code }, clerk)).toMatchObject({ ok: false, error: { code: 'APPLICANT_PAIRING_FAILED' } });
    const { code: second } = ok<{ code: string }>(await core.invoke('applicant.open', {}, clerk));
    const paired = await core.invoke('applicant.pair', { code: second }, screen);
    const { view } = ok<{
      view: { kind: string; notices: unknown; hotline: string; stationName: string; materials: Array<{ items: string[] }> };
    }>(paired);
    expect(view).toMatchObject({ kind: 'idle', hotline: '12349', stationName: '桥头镇社会救助工作站', notices: [{ title: '低保政策' }] });
    expect(view.materials.find((m) => m.items.length > 0)).toBeTruthy();
    // One use only.
    expect(await core.invoke('applicant.pair', { code: second }, other)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_PAIRING_FAILED' },
    });
    expect(applicantEvents('clerk').map((e) => e.payload)).toMatchObject([{ kind: 'paired' }]);
  });

  it('an expired code does not pair', async () => {
    const { code } = ok<{ code: string }>(await core.invoke('applicant.open', {}, clerk));
    now = new Date(now.getTime() + 3 * 60_000);
    expect(await core.invoke('applicant.pair', { code }, other)).toMatchObject({ ok: false, error: { code: 'APPLICANT_PAIRING_FAILED' } });
  });

  it('what the clerk shows reaches the paired window only', async () => {
    const r = ok<{ paired: boolean; viewId: string }>(
      await core.invoke(
        'applicant.show',
        {
          view: {
            kind: 'intake',
            applicant: { name: '张建国', idNumber: '5001**********0012' },
            members: [{ name: '李秀英', relationship: '配偶' }],
          },
        },
        clerk,
      ),
    );
    expect(r.paired).toBe(true);
    viewId = r.viewId;
    const last = applicantEvents('screen').at(-1)!;
    expect(last).toMatchObject({ event: 'applicant.view', payload: { view: { kind: 'intake', viewId, applicant: { name: '张建国' } } } });
    expect(JSON.stringify(received.other)).not.toContain('张建国');
    expect(JSON.stringify(received.plain)).not.toContain('张建国');
    expect(JSON.stringify(received.clerk)).not.toContain('张建国');
    // An unpaired window cannot read it.
    expect(await core.invoke('applicant.current', {}, other)).toMatchObject({ ok: false, error: { code: 'APPLICANT_NOT_PAIRED' } });
    expect(ok<{ view: { viewId: string } }>(await core.invoke('applicant.current', {}, screen)).view.viewId).toBe(viewId);
  });

  it('a whole ID number never travels to the screen in the record view', async () => {
    const r = await core.invoke(
      'applicant.show',
      { view: { kind: 'intake', applicant: { name: '张建国', idNumber: '500110198005120012' } } },
      clerk,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(received.screen)).not.toContain('500110198005120012');
  });

  it('确认 and 信息有误 come back to the clerk window only, for the current view only', async () => {
    expect(await core.invoke('applicant.confirm', { viewId: 'stale-view-id' }, screen)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_VIEW_STALE' },
    });
    expect(await core.invoke('applicant.report', { viewId, part: 'address' }, other)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_NOT_PAIRED' },
    });
    // A record view asks for no signature.
    expect(await core.invoke('applicant.sign', { viewId, signature: SIGNATURE }, screen)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_VIEW_STALE' },
    });
    ok(await core.invoke('applicant.report', { viewId, part: 'address' }, screen));
    ok(await core.invoke('applicant.confirm', { viewId }, screen));
    expect(
      applicantEvents('clerk')
        .slice(-2)
        .map((e) => e.payload),
    ).toMatchObject([
      { kind: 'reported', viewId, part: 'address' },
      { kind: 'confirmed', viewId },
    ]);
    expect(applicantEvents('other')).toEqual([]);
    expect(applicantEvents('plain')).toEqual([]);
  });

  it('a signer signs on the statement the signing view showed; the face is required where the view asks for one', async () => {
    const signer = { name: '李秀英', idNumber: '500110198207150026', role: 'member' };
    const statement = authorizationStatement(signer, '申请 case_0001');
    const show = (faceRequired: boolean) =>
      core.invoke(
        'applicant.show',
        { view: { kind: 'signing', signer: { name: signer.name, role: 'member' }, position: 2, total: 2, statement, faceRequired } },
        clerk,
      );
    const { viewId: signing } = ok<{ viewId: string }>(await show(true));
    expect(applicantEvents('screen').at(-1)).toMatchObject({
      payload: { view: { kind: 'signing', viewId: signing, position: 2, total: 2, statement } },
    });
    const bound = { ...SIGNATURE, signer: signer.name, documentHash: await sha256Hex(statement), pngSha256: 'a'.repeat(64) };
    // Bound to another text, or signed in another name: refused before it reaches the clerk.
    const otherText = await sha256Hex(authorizationStatement({ ...signer, name: '张建国' }, '申请 case_0001'));
    expect(
      await core.invoke('applicant.sign', { viewId: signing, signature: { ...bound, documentHash: otherText } }, screen),
    ).toMatchObject({ ok: false, error: { code: 'APPLICANT_SIGNATURE_UNBOUND' } });
    expect(await core.invoke('applicant.sign', { viewId: signing, signature: { ...bound, signer: '张建国' } }, screen)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_SIGNATURE_UNBOUND' },
    });
    expect(await core.invoke('applicant.sign', { viewId: signing, signature: bound }, screen)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_FACE_MISSING' },
    });
    expect(applicantEvents('clerk').at(-1)!.payload).not.toMatchObject({ kind: 'signed' });
    // Where the county asks for no face, the bound signature alone goes to the clerk.
    const { viewId: noFace } = ok<{ viewId: string }>(await show(false));
    expect(await core.invoke('applicant.sign', { viewId: signing, signature: bound }, screen)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_VIEW_STALE' },
    });
    ok(await core.invoke('applicant.sign', { viewId: noFace, signature: bound }, screen));
    expect(applicantEvents('clerk').at(-1)!.payload).toMatchObject({
      kind: 'signed',
      viewId: noFace,
      face: null,
      signature: { documentHash: bound.documentHash, signer: signer.name },
    });
    expect(applicantEvents('other')).toEqual([]);
    expect(
      await core.invoke(
        'applicant.show',
        { view: { kind: 'signing', signer: { name: signer.name, role: 'member' }, position: 3, total: 2, statement, faceRequired: false } },
        clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_SIGNING_INVALID' },
    });
  });

  it('手动拍摄 is the clerk’s: only the clerk window asks, with a reason, for the signing view that wants a face; the screen’s manual capture counts only with that reason', async () => {
    const signer = { name: '张建国', idNumber: '500110198005120012', role: 'member' };
    const statement = authorizationStatement(signer, '定期核查 review_0001');
    const show = (faceRequired: boolean) =>
      core.invoke(
        'applicant.show',
        { view: { kind: 'signing', signer: { name: signer.name, role: 'member' }, position: 1, total: 1, statement, faceRequired } },
        clerk,
      );
    const bound = { ...SIGNATURE, signer: signer.name, documentHash: await sha256Hex(statement), pngSha256: 'a'.repeat(64) };
    const manual = (reason: string) => ({ ...faceCapture(), mode: 'manual' as const, manualReason: reason, verdict: 'review' as const });
    const REASON = '窗口逆光，自动拍摄一直不成功';

    // No face asked for: nothing to take by hand.
    const { viewId: noFace } = ok<{ viewId: string }>(await show(false));
    expect(await core.invoke('applicant.manualFace', { viewId: noFace, reason: REASON }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_FACE_NOT_ASKED' },
    });

    const { viewId } = ok<{ viewId: string }>(await show(true));
    // The applicant's side cannot ask for it, nor give a manual capture the clerk did not ask for.
    expect(await core.invoke('applicant.manualFace', { viewId, reason: REASON }, screen)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await core.invoke('applicant.sign', { viewId, signature: bound, face: manual(REASON) }, screen)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_FACE_MANUAL_UNASKED' },
    });
    // A reason is required, in words.
    expect(await core.invoke('applicant.manualFace', { viewId, reason: ' ' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.invoke('applicant.manualFace', { viewId: 'stale-view-0001', reason: REASON }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_FACE_NOT_ASKED' },
    });

    const before = applicantEvents('screen').length;
    ok(await core.invoke('applicant.manualFace', { viewId, reason: REASON }, clerk));
    // The same view (same id: the signer's work stays) now carries the clerk's reason; only the screen gets it.
    const shown = applicantEvents('screen').slice(before);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ payload: { view: { kind: 'signing', viewId, statement, manualFace: { reason: REASON } } } });
    expect(applicantEvents('other')).toEqual([]);
    // Another reason than the clerk's is refused; the clerk's goes through to the clerk window.
    expect(await core.invoke('applicant.sign', { viewId, signature: bound, face: manual('自己拍的') }, screen)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_FACE_MANUAL_UNASKED' },
    });
    ok(await core.invoke('applicant.sign', { viewId, signature: bound, face: manual(REASON) }, screen));
    expect(applicantEvents('clerk').at(-1)!.payload).toMatchObject({
      kind: 'signed',
      viewId,
      face: { mode: 'manual', manualReason: REASON },
    });
    // An automatic capture needs no reason, whatever the clerk asked.
    ok(await core.invoke('applicant.sign', { viewId, signature: bound, face: faceCapture() }, screen));
  });

  it('the clerk tells the screen what became of a signature it handed on: the same view says saved, or refused with core’s words', async () => {
    const signer = { name: '张建国', idNumber: '500110198005120012', role: 'member' };
    const statement = authorizationStatement(signer, '申请 case_0002');
    const { viewId } = ok<{ viewId: string }>(
      await core.invoke(
        'applicant.show',
        { view: { kind: 'signing', signer: { name: signer.name, role: 'member' }, position: 1, total: 1, statement, faceRequired: false } },
        clerk,
      ),
    );
    // The applicant's side cannot say its own signature was saved.
    expect(await core.invoke('applicant.outcome', { viewId, saved: true }, screen)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    // A view the screen no longer shows: nothing is shown.
    expect(ok(await core.invoke('applicant.outcome', { viewId: 'stale-view-0001', saved: true }, clerk))).toEqual({ shown: false });

    const before = applicantEvents('screen').length;
    expect(
      ok(await core.invoke('applicant.outcome', { viewId, saved: false, message: '张建国的签名没有绑定到本人本案的授权书文本。' }, clerk)),
    ).toEqual({ shown: true });
    expect(ok(await core.invoke('applicant.outcome', { viewId, saved: true, message: 'ignored when saved' }, clerk))).toEqual({
      shown: true,
    });
    const shown = applicantEvents('screen').slice(before);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatchObject({
      payload: {
        view: { kind: 'signing', viewId, statement, outcome: { saved: false, message: '张建国的签名没有绑定到本人本案的授权书文本。' } },
      },
    });
    expect(shown[1]).toMatchObject({ payload: { view: { kind: 'signing', viewId, outcome: { saved: true } } } });
    expect((shown[1]!.payload as { view: { outcome: Record<string, unknown> } }).view.outcome).not.toHaveProperty('message');
    expect(applicantEvents('other')).toEqual([]);
  });

  it('back to the notices between applicants; the staff window cannot push to a screen it did not pair', async () => {
    const r = ok<{ viewId: string }>(await core.invoke('applicant.show', { view: { kind: 'idle' } }, clerk));
    expect(applicantEvents('screen').at(-1)).toMatchObject({ payload: { view: { kind: 'idle', viewId: r.viewId } } });
    expect(JSON.stringify(applicantEvents('screen').at(-1))).not.toContain('张建国');
    expect(await core.invoke('applicant.confirm', { viewId: r.viewId }, screen)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_VIEW_STALE' },
    });
  });

  it("the clerk's session locking hides the signing view and keeps it; unlocked, the same view comes back", async () => {
    const statement = authorizationStatement({ name: '张建国', idNumber: '500110198005120012', role: 'member' }, '申请 case_0002');
    const { viewId: signing } = ok<{ viewId: string }>(
      await core.invoke(
        'applicant.show',
        { view: { kind: 'signing', signer: { name: '张建国', role: 'member' }, position: 1, total: 1, statement, faceRequired: false } },
        clerk,
      ),
    );
    ok(await core.invoke('session.lock', {}, clerk));
    const locked = ok<{ view: { kind: string; viewId: string } }>(await core.invoke('applicant.current', {}, screen));
    expect(locked.view.kind).toBe('idle');
    expect(applicantEvents('screen').at(-1)).toMatchObject({ payload: { held: true, view: { kind: 'idle' } } });
    expect(JSON.stringify(applicantEvents('screen').at(-1))).not.toContain('张建国');
    expect(await core.invoke('applicant.sign', { viewId: signing, signature: SIGNATURE }, screen)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT_VIEW_STALE' },
    });
    ok(await core.invoke('session.unlock', { password: 'Clerk#pass2026' }, clerk));
    const back = ok<{ view: { kind: string; viewId: string } }>(await core.invoke('applicant.current', {}, screen));
    expect(back.view).toMatchObject({ kind: 'signing', viewId: signing });
    expect(applicantEvents('screen').at(-1)).toMatchObject({ payload: { view: { kind: 'signing', viewId: signing } } });
  });

  it('the clerk logging out unpairs the screen', async () => {
    ok(await core.invoke('session.logout', {}, clerk));
    expect(await core.invoke('applicant.current', {}, screen)).toMatchObject({ ok: false, error: { code: 'APPLICANT_NOT_PAIRED' } });
    expect(applicantEvents('screen').at(-1)).toMatchObject({ event: 'applicant.view', payload: { view: null } });
  });
});
