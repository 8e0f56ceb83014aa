import { createServer, type Server } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreFixture } from '../../../../city-platform/testing/stores';
import { MACHINE_B } from '../../kernel/store/testing/fixtures';
import { platformStation } from './platformStation';

/**
 * The set-up of the pulled kinds' tests leaves nothing behind: every folder it made (the platform's,
 * each workstation's, the extra ones) lives under a TMPDIR of this test's own, which must be empty
 * after `close` — and after a set-up that failed half-way.
 */
describe('platformStation (the pulled kinds’ set-up)', () => {
  const store = new StoreFixture('sqlite');
  let root: string;
  let saved: string | undefined;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'jiuzhu-platform-station-'));
    saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = root;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it('runs the platform and the workstations on one clock; close removes the handlers, closes the stores, stops the platform and removes every folder', async () => {
    const ps = await platformStation(store, { at: '2026-02-12T01:00:00Z' });
    const second = ps.workstation({ machineId: MACHINE_B });
    const folder = ps.folder('jiuzhu-extra-');
    const removed: string[] = [];
    const off = ps.f.engine.pullHandlers.register('probe', () => undefined);
    ps.handlers(() => {
      removed.push('probe');
      off();
    });

    await ps.register('ST-HELPER');
    await ps.register('ST-HELPER', second);
    const registeredTo = (db: ReturnType<typeof ps.f.db>) => db.prepare('SELECT platform_url FROM sync_registration').pluck().all();
    expect(registeredTo(ps.f.db())).toEqual([ps.platform.url]);
    expect(registeredTo(second.f.db())).toEqual([ps.platform.url]);
    expect(second.f.t.clock).toBe(ps.clock);
    expect(ps.cases.now()).toBe('2026-02-12T01:00:00.000Z');
    expect((await ps.f.engine.run('manual')).outcome).toBe('ok');
    expect(readdirSync(root).length).toBeGreaterThanOrEqual(4);
    expect(readdirSync(root)).toContain(folder.slice(root.length + 1));

    await ps.close();
    expect(removed).toEqual(['probe']);
    expect(readdirSync(root)).toEqual([]);
    await expect(fetch(`${ps.platform.url}/v1/info`)).rejects.toThrow();
    expect(() => ps.f.db().prepare('SELECT 1').get()).toThrow();
    expect(() => second.f.db().prepare('SELECT 1').get()).toThrow();
    // A second close has nothing left to do.
    await ps.close();
  });

  it('a set-up that fails half-way (the platform cannot listen) removes what it made and throws', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      await expect(platformStation(store, { platform: { port } })).rejects.toThrow(/EADDRINUSE/);
      expect(readdirSync(root)).toEqual([]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
