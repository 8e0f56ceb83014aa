import { randomBytes } from 'node:crypto';
import type { PlatformStore } from '../store/types';

/** The feed's epoch: changes when the feed is rebuilt or restored, which invalidates every cursor. */
export async function currentEpoch(store: PlatformStore): Promise<string> {
  const epoch = await store.getMeta('feed_epoch');
  if (epoch) return epoch;
  return newEpoch(store);
}

export async function newEpoch(store: PlatformStore): Promise<string> {
  const epoch = randomBytes(6).toString('base64url');
  await store.setMeta('feed_epoch', epoch);
  return epoch;
}
