import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { generatePartyKeys } from '../sync-protocol/keys';
import type { PartyKeys } from '../sync-protocol/suite';

const keyPair = z.object({ publicKey: z.string(), privateKey: z.string() });
const fileSchema = z.object({
  platformId: z.string(),
  signing: keyPair,
  encryption: keyPair,
  /** HMAC key of pull cursors. */
  cursorSecret: z.string(),
});

export interface PlatformIdentity {
  platformId: string;
  keys: PartyKeys;
  cursorSecret: Buffer;
}

/** The platform's long-term keys live in DATA/platform-keys.json (0600), made on first start. */
export function loadOrCreateIdentity(dataDir: string, platformId = 'city-platform'): PlatformIdentity {
  const file = join(dataDir, 'platform-keys.json');
  if (!existsSync(file)) {
    const keys = generatePartyKeys();
    const content = { platformId, ...keys, cursorSecret: randomBytes(32).toString('base64url') };
    writeFileSync(file, JSON.stringify(content, null, 2), { mode: 0o600 });
  }
  const parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return {
    platformId: parsed.platformId,
    keys: { signing: parsed.signing, encryption: parsed.encryption },
    cursorSecret: Buffer.from(parsed.cursorSecret, 'base64url'),
  };
}
