import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../common/contract/registry';
import { awaitingDecisionThroughContract } from '../core/afterAcceptance/testing/contractFlow';
import { createCore, silentLogger } from '../core/index';
import { runCli } from './run';

/** `jiuzhu-admin cases show` carries the approved amount and start month (审核确认), not only the roster does. */
const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-cli-benefit-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const PASSWORD = 'Qiaotou#2026';
let now = new Date('2026-02-12T09:00:00+08:00');
const makeCore = (shell: 'browser' | 'cli') => (dir: string) =>
  createCore({
    shell,
    dataDir: dir,
    version: 'test',
    clock: { now: () => now },
    logger: silentLogger,
    deviceId: async () => 'f'.repeat(64),
  });

async function cli(...argv: string[]) {
  let out = '';
  const previous = process.env.JIUZHU_PASSWORD;
  process.env.JIUZHU_PASSWORD = PASSWORD;
  try {
    const code = await runCli(['--data', dataDir, ...argv], {
      io: { out: (t) => (out += t), err: () => {} },
      makeCore: makeCore('cli'),
      readPassword: async () => PASSWORD,
    });
    return { code, out };
  } finally {
    if (previous === undefined) delete process.env.JIUZHU_PASSWORD;
    else process.env.JIUZHU_PASSWORD = previous;
  }
}

describe('cases show: the approved benefit', () => {
  it('an approved case shows its amount and first paid month, as JSON and as text', async () => {
    const core = makeCore('browser')(dataDir);
    const head = { via: 'browser' as const, windowId: 'browser:head' };
    const ok = async <T>(method: string, input: unknown, who = head): Promise<T> => {
      const r = (await core.invoke(method as never, input as never, who)) as { ok: boolean; result?: T; error?: unknown };
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.result as T;
    };
    await ok('setup.init', {
      stationName: '桥头镇社会救助工作站',
      regionCode: '500110',
      admin: { username: 'admin', displayName: '王站长', password: PASSWORD },
    });
    await ok('session.login', { username: 'admin', password: PASSWORD });
    const adminId = (await ok<Array<{ id: string }>>('accounts.list', {}))[0]!.id;
    await ok('accounts.setRoles', { accountId: adminId, roles: ['admin', 'head', 'caseworker'] });
    await ok('session.logout', {});
    await ok('session.login', { username: 'admin', password: PASSWORD });
    const caseId = await awaitingDecisionThroughContract(ok, head, async () => {
      now = new Date(now.getTime() + 7 * 86_400_000);
      await ok('session.unlock', { password: PASSWORD });
    });
    const settings = await ok<{ settings: Record<string, unknown> }>('cases.settings', {});
    await ok('cases.setSettings', { settings: { ...settings.settings, decisionDelegated: true } });
    await ok('decisions.local', {
      caseId,
      version: 5,
      decision: { outcome: 'approved', amountFen: 68050, startMonth: '2026-03', legalBasis: [] },
    });
    await core.close();

    const json = await cli('--json', '--user', 'admin', 'cases', 'show', caseId);
    expect(json.code).toBe(0);
    const detail = JSON.parse(json.out) as MethodOutput<'cases.adminShow'>;
    expect(detail.benefit).toEqual({
      approvedAmountFen: 68050,
      startMonth: '2026-03',
      decidedOn: '2026-02-19',
      decisionSource: 'local',
      currentAmountFen: 68050,
      status: 'active',
      stoppedOn: null,
    });
    const text = await cli('--user', 'admin', 'cases', 'show', caseId);
    expect(text.code).toBe(0);
    expect(text.out).toContain('680.50 元/月，自 2026-03 起（2026-02-19 批准）');
  }, 60_000);
});
