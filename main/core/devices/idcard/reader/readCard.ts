import { JiuzhuError, isJiuzhuError } from '../../../../../common/contract/errors';
import type { IdCardBackend } from '../backend';
import { buildCard, type BuildCardOptions, type CardRead } from './buildCard';

export interface WaitForCardOptions extends Omit<BuildCardOptions, 'today'> {
  /** Give up after this long with IDCARD_NO_CARD. */
  timeoutMs: number;
  /** Pause between finds while the field is empty. Default 200 ms. */
  intervalMs?: number;
  /** Today as YYYY-MM-DD; a function so a long wait crossing midnight stays right. */
  today: () => string;
  signal?: AbortSignal;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wait for a card and read it once: the 读卡 button and `jiuzhu-admin idcard read`.
 * Only an empty field is waited out; any other error ends the wait at once.
 */
export async function waitForCard(backend: IdCardBackend, options: WaitForCardOptions): Promise<CardRead> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      const raw = await backend.readOnce();
      if ('same' in raw) throw new Error('readOnce returned same without unlessKey');
      const { timeoutMs: _t, intervalMs: _i, today, signal: _s, ...rest } = options;
      return await buildCard(raw, { ...rest, today: today() });
    } catch (error) {
      if (!isJiuzhuError(error) || error.code !== 'IDCARD_NO_CARD') throw error;
      const left = deadline - Date.now();
      if (left <= 0 || options.signal?.aborted) throw new JiuzhuError('IDCARD_NO_CARD', {}, { waitedMs: options.timeoutMs });
      await sleep(Math.min(options.intervalMs ?? 200, left));
    }
  }
}
