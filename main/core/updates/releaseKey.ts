import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findResourcesDir } from '../kernel/app/resourcesDir';

/**
 * The release key's public half the build ships (resources/update/release-key.pem, Ed25519): the
 * only key an update feed may be signed with. null when the build has none: updates are then refused.
 */
export function loadReleaseKey(resourcesDir = findResourcesDir()): string | null {
  const path = join(resourcesDir, 'update', 'release-key.pem');
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}
