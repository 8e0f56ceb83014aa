import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JiuzhuError } from '../../../common/contract/errors';
import { compareVersions, feedName, parseRelease, type Release } from './feed';
import { updatesDir, verifyFeed, type UpdateContext } from './updater';

export type InstallerKind = 'nsis' | 'deb' | 'appimage';

/** What the desktop shell runs, by the installer's name: NSIS on Windows, a deb or an AppImage on Linux. */
export function installerKind(path: string): InstallerKind {
  if (/\.exe$/i.test(path)) return 'nsis';
  if (/\.deb$/i.test(path)) return 'deb';
  if (/\.AppImage$/i.test(path)) return 'appimage';
  throw new JiuzhuError('UPDATE_FEED_BAD', { detail: `安装程序类型 ${path.slice(-12)}` });
}

/**
 * A kept download, verified again right before it is installed: its signed feed against the
 * release key, then the installer's SHA-512 and size against the feed. A file changed since the
 * download (or a feed swapped beside it) is refused; nothing is installed on trust.
 */
export async function verifyKeptDownload(
  ctx: UpdateContext,
  version: string,
): Promise<{ release: Release; installer: string; kind: InstallerKind }> {
  const dir = join(updatesDir(ctx.dataDir), version);
  const name = feedName(ctx.platform, ctx.arch);
  if (!existsSync(join(dir, name)) || !existsSync(join(dir, `${name}.sig`))) throw new JiuzhuError('UPDATE_NOT_DOWNLOADED', { version });
  const release = verifyFeed(readFileSync(join(dir, name)), readFileSync(join(dir, `${name}.sig`)), ctx.publicKeyPem);
  if (release.version !== version) throw new JiuzhuError('UPDATE_HASH_MISMATCH');
  const installer = join(dir, release.path);
  if (!existsSync(installer)) throw new JiuzhuError('UPDATE_NOT_DOWNLOADED', { version });
  const hash = createHash('sha512');
  let size = 0;
  for await (const chunk of createReadStream(installer) as AsyncIterable<Buffer>) {
    size += chunk.length;
    hash.update(chunk);
  }
  if (size !== release.size || hash.digest('base64') !== release.sha512) throw new JiuzhuError('UPDATE_HASH_MISMATCH');
  return { release, installer, kind: installerKind(installer) };
}

/** The verified downloads kept in <data>/updates, newest first. */
export function keptDownloads(ctx: UpdateContext): Array<{ version: string; installer: string }> {
  const dir = updatesDir(ctx.dataDir);
  if (!existsSync(dir)) return [];
  const name = feedName(ctx.platform, ctx.arch);
  const out: Array<{ version: string; installer: string }> = [];
  for (const version of readdirVersions(dir)) {
    try {
      const { path } = parseRelease(readFileSync(join(dir, version, name), 'utf8'));
      if (existsSync(join(dir, version, path))) out.push({ version, installer: join(dir, version, path) });
    } catch {
      // a folder without this system's feed is not a download for this machine
    }
  }
  return out;
}

function readdirVersions(dir: string): string[] {
  return readdirSync(dir)
    .filter((v) => /^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(v))
    .sort((a, b) => compareVersions(b, a));
}
