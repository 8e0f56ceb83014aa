import type { DirectionOptions } from './options';

const kbit = (n: number) => (n * 1000) / 8;

/**
 * Link profiles after Facebook's Augmented Traffic Control (facebookarchive/augmented-traffic-control,
 * utils/profiles). Packet loss cannot be dropped inside TCP from user space; it is emulated as a
 * seeded retransmission stall (about one RTO) with the profile's loss probability per slice.
 */
export const PROFILES: Record<string, { up: DirectionOptions; down: DirectionOptions }> = {
  '2g-rural': {
    up: { bytesPerSecond: kbit(18), latencyMs: 650, lossStall: { probability: 0.02, ms: 1000 } },
    down: { bytesPerSecond: kbit(20), latencyMs: 650, lossStall: { probability: 0.02, ms: 1000 } },
  },
  '2g-urban': {
    up: { bytesPerSecond: kbit(32), latencyMs: 650 },
    down: { bytesPerSecond: kbit(35), latencyMs: 650 },
  },
  'edge-lossy': {
    up: { bytesPerSecond: kbit(200), latencyMs: 440, lossStall: { probability: 0.01, ms: 600 } },
    down: { bytesPerSecond: kbit(240), latencyMs: 400, lossStall: { probability: 0.01, ms: 600 } },
  },
  '3g': {
    up: { bytesPerSecond: kbit(330), latencyMs: 100 },
    down: { bytesPerSecond: kbit(780), latencyMs: 100 },
  },
  dsl: {
    up: { bytesPerSecond: kbit(256), latencyMs: 5 },
    down: { bytesPerSecond: kbit(2000), latencyMs: 5 },
  },
};
