export { startLinkProxy, type LinkProxy } from './proxy';
export { PROFILES } from './profiles';
export { seededRandom } from './prng';
export type {
  LinkProxyOptions,
  DirectionOptions,
  ConnectionFaults,
  CutMode,
  Direction,
  RandomCuts,
  LinkStats,
  ConnectionStats,
} from './options';
