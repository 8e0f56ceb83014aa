import { createHash, createPublicKey, verify } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { JiuzhuError } from '../../../common/contract/errors';
import { compareVersions, feedName, parseRelease, type Release } from './feed';
import { privateFileMode } from '../kernel/store/fileModes';

/** Where updates come from: the county's server (its own, or the city platform's) or a folder on a USB stick. */
export type UpdateSource = { kind: 'url'; url: string } | { kind: 'folder'; path: string };

export interface UpdateContext {
  currentVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  /** This workstation's device id: its place in a staged rollout. */
  deviceId: string;
  /** The release key's public half (PEM, Ed25519); null when the build ships none. */
  publicKeyPem: string | null;
  dataDir: string;
  timeoutMs?: number;
}

export interface CheckResult {
  release: Release;
  /** newer: take it; current: nothing newer; staged-out: newer, but not this workstation's turn yet. */
  state: 'newer' | 'current' | 'staged-out';
}

const FEED_MAX_BYTES = 64 * 1024;

/** A request that got no answer, in words for the admin (the system's English error goes nowhere a clerk reads). */
const unreachable = (e: unknown) =>
  new JiuzhuError('UPDATE_UNREACHABLE', { detail: (e as Error).name === 'TimeoutError' ? '超时' : '服务器没有应答' });

async function fetchBytes(url: string, ctx: UpdateContext, max: number): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(ctx.timeoutMs ?? 30_000), redirect: 'error' });
  } catch (e) {
    throw unreachable(e);
  }
  if (!res.ok) throw new JiuzhuError('UPDATE_UNREACHABLE', { detail: `服务器答复 ${res.status}` });
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > max) throw new JiuzhuError('UPDATE_FEED_BAD', { detail: 'too large' });
  return body;
}

const joinUrl = (base: string, name: string) => `${base.replace(/\/+$/, '')}/${encodeURIComponent(name)}`;

async function readFeed(ctx: UpdateContext, source: UpdateSource): Promise<{ yml: Buffer; sig: Buffer }> {
  const name = feedName(ctx.platform, ctx.arch);
  if (source.kind === 'folder') {
    const yml = join(source.path, name);
    if (!existsSync(yml) || !existsSync(`${yml}.sig`))
      throw new JiuzhuError('UPDATE_FEED_BAD', { detail: `${name} 或 ${name}.sig 不在 ${source.path}` });
    return { yml: readFileSync(yml), sig: readFileSync(`${yml}.sig`) };
  }
  return {
    yml: await fetchBytes(joinUrl(source.url, name), ctx, FEED_MAX_BYTES),
    sig: await fetchBytes(joinUrl(source.url, `${name}.sig`), ctx, 1024),
  };
}

/** The feed is signed with the release key (Ed25519 over its exact bytes); its SHA-512 then vouches for the installer. */
export function verifyFeed(yml: Buffer, sig: Buffer, publicKeyPem: string | null): Release {
  if (!publicKeyPem) throw new JiuzhuError('UPDATE_NO_KEY');
  const signature = Buffer.from(sig.toString('utf8').trim(), 'base64');
  let ok: boolean;
  try {
    ok = signature.length === 64 && verify(null, yml, createPublicKey(publicKeyPem), signature);
  } catch {
    ok = false;
  }
  if (!ok) throw new JiuzhuError('UPDATE_SIGNATURE_BAD');
  return parseRelease(yml.toString('utf8'));
}

/** A stable place in 0–99 for this workstation and release: the same answer at every check. */
export function rolloutBucket(deviceId: string, version: string): number {
  return createHash('sha256').update(`${deviceId}:${version}`).digest().readUInt32BE(0) % 100;
}

export async function checkUpdate(ctx: UpdateContext, source: UpdateSource): Promise<CheckResult> {
  const { yml, sig } = await readFeed(ctx, source);
  const release = verifyFeed(yml, sig, ctx.publicKeyPem);
  if (compareVersions(release.version, ctx.currentVersion) <= 0) return { release, state: 'current' };
  // An admin's USB stick is a deliberate choice: staging applies to the network feed only.
  if (
    source.kind === 'url' &&
    release.stagingPercentage !== null &&
    rolloutBucket(ctx.deviceId, release.version) >= release.stagingPercentage
  )
    return { release, state: 'staged-out' };
  return { release, state: 'newer' };
}

export const updatesDir = (dataDir: string) => join(dataDir, 'updates');

/**
 * Fetch the installer the signed feed names, hashing it as it arrives (SHA-512 and size must match
 * the feed, or it is deleted), into `<dataDir>/updates/<version>/` with its feed and signature beside
 * it — so a later rollback installs a file verified the same way.
 */
export async function downloadUpdate(ctx: UpdateContext, source: UpdateSource): Promise<{ release: Release; installer: string }> {
  const { yml, sig } = await readFeed(ctx, source);
  const release = verifyFeed(yml, sig, ctx.publicKeyPem);
  const dir = join(updatesDir(ctx.dataDir), release.version);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, release.path);
  const part = `${target}.part`;
  const hash = createHash('sha512');
  let size = 0;
  const count = async function* (chunks: AsyncIterable<Buffer>) {
    for await (const c of chunks) {
      size += c.length;
      if (size > release.size) throw new JiuzhuError('UPDATE_HASH_MISMATCH');
      hash.update(c);
      yield c;
    }
  };
  try {
    let input: AsyncIterable<Buffer>;
    if (source.kind === 'folder') input = createReadStream(join(source.path, release.path));
    else {
      let res: Response;
      try {
        res = await fetch(joinUrl(source.url, release.path), {
          signal: AbortSignal.timeout(ctx.timeoutMs ?? 30 * 60_000),
          redirect: 'error',
        });
      } catch (e) {
        throw unreachable(e);
      }
      if (!res.ok || !res.body) throw new JiuzhuError('UPDATE_UNREACHABLE', { detail: `服务器答复 ${res.status}` });
      input = Readable.fromWeb(res.body as ReadableStream<Uint8Array>) as AsyncIterable<Buffer>;
    }
    await pipeline(input, count, createWriteStream(part, { mode: privateFileMode() }));
    if (size !== release.size || hash.digest('base64') !== release.sha512) throw new JiuzhuError('UPDATE_HASH_MISMATCH');
  } catch (e) {
    rmSync(part, { force: true });
    if (e instanceof JiuzhuError) throw e;
    throw new JiuzhuError('UPDATE_UNREACHABLE', { detail: '传输中断' });
  }
  renameSync(part, target);
  const name = feedName(ctx.platform, ctx.arch);
  writeFileSync(join(dir, name), yml);
  writeFileSync(join(dir, `${name}.sig`), sig);
  return { release, installer: target };
}

/** The newest downloaded release older than the running one: what 回退到上一版本 installs (checked again first). */
export function previousRelease(ctx: UpdateContext): string | null {
  const dir = updatesDir(ctx.dataDir);
  if (!existsSync(dir)) return null;
  const older = readdirSync(dir)
    .filter(
      (v) =>
        /^\d+\.\d+\.\d+/.test(v) &&
        compareVersions(v, ctx.currentVersion) < 0 &&
        existsSync(join(dir, v, feedName(ctx.platform, ctx.arch))),
    )
    .sort(compareVersions);
  return older.at(-1) ?? null;
}
