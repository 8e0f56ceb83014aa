import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { stringify } from 'yaml';

/**
 * What a release publishes, served on 127.0.0.1: electron-builder's latest-linux.yml (written with a
 * YAML library, as electron-builder does), its Ed25519 signature by a release key made here, the
 * installer and its blockmap. `served` lists every file asked for, in order.
 */
export interface FeedServer {
  url: string;
  feedDir: string;
  publicKeyPem: string;
  privateKey: KeyObject;
  served: string[];
  /** Publish a release into `dir` (default the served folder); returns the installer's name. */
  publish(version: string, installer: Buffer, options?: { dir?: string; extra?: Record<string, unknown>; ext?: string }): string;
  close(): Promise<void>;
}

export async function startFeedServer(root: string): Promise<FeedServer> {
  const feedDir = join(root, 'feed');
  mkdirSync(feedDir, { recursive: true });
  const keys = generateKeyPairSync('ed25519');
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1));
    served.push(name);
    const file = join(feedDir, name);
    if (!name || name.includes('/') || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    feedDir,
    publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: keys.privateKey,
    served,
    publish(version, installer, options = {}) {
      const dir = options.dir ?? feedDir;
      mkdirSync(dir, { recursive: true });
      const name = `jiuzhu-workstation-${version}-x64.${options.ext ?? 'AppImage'}`;
      writeFileSync(join(dir, name), installer);
      writeFileSync(join(dir, `${name}.blockmap`), randomBytes(64));
      const sha512 = createHash('sha512').update(installer).digest('base64');
      const yml = stringify({
        version,
        files: [{ url: name, sha512, size: installer.length, blockMapSize: 64 }],
        path: name,
        sha512,
        releaseDate: '2026-12-01T08:00:00.000Z',
        releaseNotes: '修复：\n- 打印边距\n',
        ...options.extra,
      });
      writeFileSync(join(dir, 'latest-linux.yml'), yml);
      writeFileSync(join(dir, 'latest-linux.yml.sig'), sign(null, Buffer.from(yml), keys.privateKey).toString('base64'));
      return name;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
