import { createCore, type CoreApi } from '../../core';
import { silentLogger } from '../logging/logger';

/** A core with a fixed clock and device id, for tests of core and of the shells around it. */
export function createFixedCore(options: { dataDir?: string; now?: string; shell?: 'electron' | 'browser' | 'cli' } = {}): CoreApi {
  return createCore({
    shell: options.shell ?? 'cli',
    dataDir: options.dataDir ?? '/tmp/jiuzhu-test',
    version: '0.0.0-test',
    clock: { now: () => new Date(options.now ?? '2026-11-29T09:00:00+08:00') },
    logger: silentLogger,
    deviceId: async () => 'a'.repeat(64),
  });
}
