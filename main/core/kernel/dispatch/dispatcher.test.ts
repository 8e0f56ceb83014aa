import { describe, expect, it } from 'vitest';
import { METHODS, METHOD_NAMES, ROLES, rolesGrant, type Role } from '../../../../common/contract/index';
import { createFixedCore } from '../testing/fixedCore';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './handlers';
import { silentLogger } from '../logging/logger';

const anonymous = { session: null, via: 'cli' as const };

describe('dispatch', () => {
  const core = createFixedCore();

  it('answers app.info through the contract', async () => {
    const envelope = await core.invoke('app.info', {}, anonymous);
    expect(envelope).toMatchObject({ ok: true, result: { name: '救助通工作站', shell: 'cli', deviceId: 'a'.repeat(64) } });
  });

  it('refuses an unknown method with UNKNOWN_METHOD', async () => {
    const envelope = await core.invoke('app.deleteEverything', {}, anonymous);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(!envelope.ok && envelope.error.message).toContain('app.deleteEverything');
  });

  it('does not treat inherited object keys as methods', async () => {
    expect(await core.invoke('constructor', {}, anonymous)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await core.invoke('__proto__', {}, anonymous)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses invalid input with INVALID_INPUT naming the field path, before the handler runs', async () => {
    const envelope = await core.invoke('idNumber.check', { idNumber: 42 }, anonymous);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { path: 'idNumber' } } });
    expect(!envelope.ok && envelope.error.message).toContain('身份证号码');
  });

  it('refuses over-deep and over-large input with INPUT_TOO_LARGE before validation', async () => {
    let deep: unknown = '11010519491231002X';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(await core.invoke('idNumber.check', { idNumber: deep }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'INPUT_TOO_LARGE', details: { limit: 'depth' } },
    });
    expect(await core.invoke('idNumber.check', { idNumber: 'x'.repeat(17 * 1024 * 1024) }, anonymous)).toMatchObject({
      ok: false,
      error: { code: 'INPUT_TOO_LARGE', details: { limit: 'size' } },
    });
  });

  it('returns the first 20 issues and counts the rest', async () => {
    const handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, () => ({})])) as unknown as Handlers;
    const dispatch = createDispatcher(handlers, silentLogger);
    const everyone = { session: { userId: 'u', roles: [...ROLES] as Role[] }, via: 'cli' as const };
    const requestIds = Array.from({ length: 2000 }, (_, i) => i);
    const envelope = await dispatch('printBatch.start', { requestIds }, everyone);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const details = (!envelope.ok && envelope.error.details) as { issues: Array<{ path: string }>; moreIssues: number };
    expect(details.issues).toHaveLength(20);
    expect(details.issues[0]!.path).toBe('requestIds[0]');
    expect(details.moreIssues).toBe(2000 - 20);
    expect(JSON.stringify(envelope).length).toBeLessThan(8 * 1024);
  });

  it('refuses unknown fields (strict inputs)', async () => {
    const envelope = await core.invoke('app.info', { sneaky: true }, anonymous);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('returns problems with zh-CN messages for an invalid ID number', async () => {
    const envelope = await core.invoke('idNumber.check', { idNumber: '110105194912310021' }, anonymous);
    expect(envelope).toEqual({
      ok: true,
      result: { valid: false, problems: [{ code: 'BAD_CHECKSUM', message: '校验位不符：号码中有一位输错了，请逐位核对证件' }] },
    });
  });

  it('uses the clock for the future-date rule', async () => {
    const early = createFixedCore({ now: '2000-01-01T12:00:00+08:00' });
    const envelope = await early.invoke('idNumber.check', { idNumber: '11010519491231002X' }, anonymous);
    expect(envelope).toMatchObject({ ok: true, result: { valid: true } });
    const born2001 = await early.invoke('idNumber.check', { idNumber: '110105200101010018' }, anonymous);
    expect(born2001).toMatchObject({ ok: true, result: { valid: false } });
  });

  it('turns a handler crash into INTERNAL with a reference, never a stack trace', async () => {
    const handlers = {
      'app.info': () => {
        throw new Error('disk on fire at /secret/path');
      },
      'idNumber.check': () => ({ valid: false, problems: [{ code: 'X', message: 'x' }] }),
    } as unknown as Handlers;
    const envelope = await createDispatcher(handlers, silentLogger)('app.info', {}, anonymous);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(envelope)).not.toContain('/secret/path');
  });

  it('refuses a handler result that breaks the contract', async () => {
    const handlers = { 'app.info': () => ({ name: 1 }), 'idNumber.check': () => ({}) } as unknown as Handlers;
    const envelope = await createDispatcher(handlers, silentLogger)('app.info', {}, anonymous);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('permissions, generated from the registry', () => {
  // Every method that is not public is refused without a session, and refused to every role
  // that does not grant its permission; a new method cannot forget this.
  const methods = METHOD_NAMES.filter((m) => METHODS[m].permission !== 'public');
  const handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, () => ({})])) as unknown as Handlers;
  const dispatch = createDispatcher(handlers, silentLogger);

  it.each(methods.length ? methods : ['(none yet)'])('%s needs a session and its permission', async (method) => {
    if (method === '(none yet)') return;
    const spec = METHODS[method as keyof typeof METHODS];
    expect(await dispatch(method, {}, anonymous)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (const role of ROLES) {
      if (rolesGrant([role as Role], spec.permission)) continue;
      const envelope = await dispatch(method, {}, { session: { userId: 'u', roles: [role as Role] }, via: 'cli' });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('declares a permission for every method', () => {
    for (const m of METHOD_NAMES) expect(typeof METHODS[m].permission).toBe('string');
  });
});
