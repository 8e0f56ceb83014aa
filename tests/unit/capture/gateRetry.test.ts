import { describe, expect, it } from 'vitest';
import { afterGateFailure, DEFAULT_GATE_RETRY } from '../../../renderer/src/capture/face/gateRetry';

describe('the face gate after a frame it could not judge', () => {
  it('retries with a doubling delay, capped, then stops at the fifth failure in a row', () => {
    const steps = [1, 2, 3, 4, 5].map((n) => afterGateFailure(n));
    expect(steps).toEqual([
      { action: 'retry', attempt: 1, delayMs: 200 },
      { action: 'retry', attempt: 2, delayMs: 400 },
      { action: 'retry', attempt: 3, delayMs: 800 },
      { action: 'retry', attempt: 4, delayMs: 1600 },
      { action: 'stop' },
    ]);
    expect(DEFAULT_GATE_RETRY.maxFailures).toBe(5);
  });

  it('never waits longer than the cap', () => {
    expect(afterGateFailure(9, { maxFailures: 20, firstDelayMs: 200, maxDelayMs: 2000 })).toEqual({
      action: 'retry',
      attempt: 9,
      delayMs: 2000,
    });
  });
});
