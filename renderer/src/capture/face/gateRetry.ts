/**
 * The face gate's answer to a frame it could not judge (no frame from the camera, a worker error):
 * wait and try again, a little longer each time, and after `maxFailures` failures in a row stop and
 * leave it to the clerk's 重试. A judged frame ends the run of failures.
 */
export interface GateRetryPolicy {
  maxFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_GATE_RETRY: GateRetryPolicy = { maxFailures: 5, firstDelayMs: 200, maxDelayMs: 2000 };

export type GateRetryStep = { action: 'retry'; delayMs: number; attempt: number } | { action: 'stop' };

/** What to do after the `failures`-th failure in a row (1 for the first). */
export function afterGateFailure(failures: number, policy: GateRetryPolicy = DEFAULT_GATE_RETRY): GateRetryStep {
  if (failures >= policy.maxFailures) return { action: 'stop' };
  return { action: 'retry', attempt: failures, delayMs: Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (failures - 1)) };
}
