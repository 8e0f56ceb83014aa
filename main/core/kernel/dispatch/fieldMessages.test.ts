import { describe, expect, it } from 'vitest';
import { createFixedCore } from '../testing/fixedCore';

/**
 * Bad input through the real dispatcher and the real contract schemas: the clerk reads what to fix,
 * in words, naming the field — never zod's wording with an English path — and the details carry the
 * path and issue code a form needs to put the message on its field.
 */
const clerk = { session: { userId: 'u', roles: ['clerk' as const] }, via: 'cli' as const };
const anonymous = { session: null, via: 'cli' as const };

describe('INVALID_INPUT in words', () => {
  const core = createFixedCore();

  it('a refusal without reasons asks for the reasons (not “数值过小：期望 array >=1 项” at decision.reasons)', async () => {
    const envelope = await core.invoke(
      'cases.decide',
      { caseId: '8f7c1a52-4b7e-4c53-9a0e-1d2f3a4b5c6d', version: 1, decision: { kind: 'reject', reasons: [] } },
      clerk,
    );
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { path: 'decision.reasons', issues: [{ path: 'decision.reasons', code: 'too_small', origin: 'array', minimum: 1 }] },
      },
    });
    const message = envelope.ok ? '' : envelope.error.message;
    expect(message).toContain('请填写不予受理的理由');
    expect(message).not.toMatch(/[A-Za-z]/);
  });

  it('a too-short reason names the field and the length', async () => {
    const envelope = await core.invoke(
      'cases.decide',
      { caseId: '8f7c1a52-4b7e-4c53-9a0e-1d2f3a4b5c6d', version: 1, decision: { kind: 'reject', reasons: ['无'] } },
      clerk,
    );
    expect(envelope.ok ? '' : envelope.error.message).toContain('不予受理的理由至少 2 个字');
  });

  it('a member of an application is named as such, with the generic message when the catalog has no specific one', async () => {
    const envelope = await core.invoke('idNumber.check', { idNumber: 42 }, anonymous);
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { path: 'idNumber', issues: [{ code: 'invalid_type' }] } },
    });
    const message = envelope.ok ? '' : envelope.error.message;
    expect(message).toContain('请填写身份证号码');
    expect(message).not.toMatch(/[A-Za-z]/);
  });

  it('an unknown field is reported as a version mismatch, not as a list of English keys', async () => {
    const envelope = await core.invoke('idNumber.check', { idNumber: '11010519491231002X', extra: 1 }, anonymous);
    expect(envelope.ok ? '' : envelope.error.message).toContain('程序版本不一致');
  });
});
