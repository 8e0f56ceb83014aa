/** How one direction of the link behaves. */
export interface DirectionOptions {
  /** One-way added delay, in milliseconds. */
  latencyMs?: number;
  /** Line rate in bytes per second (token bucket); absent = unlimited. */
  bytesPerSecond?: number;
  /** Token bucket size in bytes; default max(256, rate / 20). */
  burstBytes?: number;
  /** Emulated loss: each forwarded slice is, with this probability, held back `ms` (a TCP retransmission). */
  lossStall?: { probability: number; ms: number };
}

/**
 * reset: RST both sides (ECONNRESET). close: FIN both sides, queued bytes dropped.
 * half-close: FIN only in the cut direction; the other direction keeps flowing.
 * blackhole: forward nothing more, close nothing (a dead link; only timeouts notice).
 */
export type CutMode = 'reset' | 'close' | 'half-close' | 'blackhole';
export type Direction = 'up' | 'down';

/** Faults for one connection. "up" is client → target, "down" is target → client. */
export interface ConnectionFaults {
  /** Cut once this many bytes have been forwarded client → target. */
  cutUpAfter?: number;
  /** Cut once this many bytes have been forwarded target → client. */
  cutDownAfter?: number;
  cutMode?: CutMode;
  /** Hold one direction for `ms` once `afterBytes` have passed. */
  stall?: { direction: Direction; afterBytes: number; ms: number };
}

export interface RandomCuts {
  /** Probability that a connection is cut at all. */
  probability: number;
  /** Cut offsets are uniform in [0, maxOffset). */
  maxOffset: number;
  directions?: Direction[];
  modes?: CutMode[];
}

export interface LinkProxyOptions {
  /** Where to forward. Only loopback targets are allowed. */
  target: { host?: string; port: number };
  /** Listen port on 127.0.0.1; 0 (default) picks a free one. */
  listenPort?: number;
  up?: DirectionOptions;
  down?: DirectionOptions;
  /** Seed of every random choice (random cuts, loss stalls). */
  seed?: number;
  /** Faults of the n-th accepted connection (0-based), as a list or a function. */
  faults?: ConnectionFaults[] | ((index: number, random: () => number) => ConnectionFaults | undefined);
  /** Seeded random cuts for connections without explicit faults. */
  randomCuts?: RandomCuts;
}

export interface ConnectionStats {
  index: number;
  bytesUp: number;
  bytesDown: number;
  cut?: { direction: Direction; mode: CutMode; atByte: number };
}

export interface LinkStats {
  connections: number;
  /** Bytes forwarded client → target (what reached the target's socket). */
  bytesUp: number;
  /** Bytes forwarded target → client. */
  bytesDown: number;
  cuts: number;
  perConnection: ConnectionStats[];
}
