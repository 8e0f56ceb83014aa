import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CoreApi } from '../core/index';
import { EventHub } from '../core/kernel/events/hub';
import { silentLogger } from '../core/kernel/logging/logger';
import { startBrowserShell, type BrowserShell } from './server';
import { browserWindowId } from './windowId';

/** Events addressed to one window reach that page's WebSocket only (the applicant screen's view). */
const hub = new EventHub(silentLogger);
const core: CoreApi = {
  invoke: async () => ({ ok: true, result: null }),
  onEvent: (listener, window) => hub.subscribe(listener, window),
  close: async () => undefined,
};
let shell: BrowserShell;
const rendererDir = mkdtempSync(join(tmpdir(), 'jiuzhu-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');

beforeAll(async () => {
  shell = await startBrowserShell({ core, rendererDir, logger: silentLogger });
});
afterAll(async () => shell.close());

function connect(protocols: string[]): Promise<{ events: string[]; ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const events: string[] = [];
    const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/api/events`, ['jiuzhu.v1', `bearer.${shell.token}`, ...protocols]);
    ws.on('message', (d) => events.push(String((JSON.parse(String(d)) as { event: string }).event)));
    ws.on('open', () => resolve({ events, ws }));
    ws.on('error', reject);
  });
}

it('delivers an addressed event to its window only; broadcasts to all', async () => {
  const a = await connect(['window.aaaaaaaa1']);
  const b = await connect(['window.bbbbbbbb2']);
  const none = await connect([]);
  hub.emitTo(browserWindowId('aaaaaaaa1')!, { event: 'applicant.view', payload: { view: null } });
  hub.emit({ event: 'task.progress', payload: { task: 'sentinel', phase: 'x', fraction: 1 } });
  await expect.poll(() => [a.events, b.events, none.events].every((e) => e.includes('task.progress'))).toBe(true);
  expect(a.events).toEqual(['applicant.view', 'task.progress']);
  expect(b.events).toEqual(['task.progress']);
  expect(none.events).toEqual(['task.progress']);
  for (const c of [a, b, none]) c.ws.close();
});
