import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A new release key: the private half for the release manager's safe, the public half for resources/update/release-key.pem. */
export function newReleaseKey(): { privatePem: string; publicPem: string } {
  const pair = generateKeyPairSync('ed25519');
  return {
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Sign every latest*.yml electron-builder wrote in `dir` (Ed25519 over the exact bytes, base64 in <name>.sig). */
export function signFeeds(dir: string, privatePem: string): string[] {
  const key = createPrivateKey(privatePem);
  const feeds = readdirSync(dir).filter((f) => /^latest(-[\w-]+)?\.yml$/.test(f));
  for (const f of feeds) writeFileSync(join(dir, `${f}.sig`), `${sign(null, readFileSync(join(dir, f)), key).toString('base64')}\n`);
  return feeds;
}
