import { JiuzhuError } from '../../../common/contract/errors';

/** One release as electron-builder's latest*.yml describes it (the generic provider's format). */
export interface Release {
  version: string;
  /** The installer's file name beside the yml. */
  path: string;
  /** base64 SHA-512 of the installer. */
  sha512: string;
  size: number;
  releaseDate: string | null;
  /** Staged rollout: the share of workstations (0–100) that take this release now; absent = all. */
  stagingPercentage: number | null;
}

/** electron-builder's names of the feed per system (latest.yml is Windows'). */
export function feedName(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return 'latest.yml';
  return arch === 'arm64' ? 'latest-linux-arm64.yml' : 'latest-linux.yml';
}

const bad = (detail: string) => new JiuzhuError('UPDATE_FEED_BAD', { detail });
const unquote = (v: string) =>
  v
    .trim()
    .replace(/^'(.*)'$/s, (_, s: string) => s.replace(/''/g, "'"))
    .replace(/^"(.*)"$/s, '$1');

/**
 * Read the subset of YAML electron-builder writes in latest*.yml: top-level `key: value` lines, the
 * `files:` list of `- url:` maps, and block scalars (release notes) that are skipped. Anything else
 * is refused — the feed is signed, so an unexpected shape is a wrong file, not something to guess at.
 */
export function parseRelease(text: string): Release {
  const top: Record<string, string> = {};
  const files: Array<Record<string, string>> = [];
  let inFiles = false;
  let skipIndented = false;
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const indented = /^\s/.test(raw);
    if (skipIndented && indented) continue;
    skipIndented = false;
    if (!indented) {
      const m = /^([A-Za-z][\w]*):(?:\s+(.*))?$/.exec(raw);
      if (!m) throw bad(`line “${raw.slice(0, 40)}”`);
      inFiles = m[1] === 'files' && !m[2];
      if (m[2] === '|' || m[2] === '>' || m[2] === '|-' || m[2] === '>-') skipIndented = true;
      else if (m[2] !== undefined) top[m[1]!] = unquote(m[2]);
      continue;
    }
    if (!inFiles) throw bad(`unexpected indented line “${raw.trim().slice(0, 40)}”`);
    const item = /^\s+-\s+([A-Za-z]\w*):\s+(.*)$/.exec(raw);
    const field = /^\s+([A-Za-z]\w*):\s+(.*)$/.exec(raw);
    if (item) files.push({ [item[1]!]: unquote(item[2]!) });
    else if (field && files.length > 0) files.at(-1)![field[1]!] = unquote(field[2]!);
    else throw bad(`line “${raw.trim().slice(0, 40)}”`);
  }
  const version = top['version'];
  if (!version || !/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version)) throw bad('version');
  const path = top['path'] ?? files[0]?.['url'];
  const entry = files.find((f) => f['url'] === path);
  const sha512 = entry?.['sha512'] ?? top['sha512'];
  const size = Number(entry?.['size']);
  if (!path || /[\\/]|^\.\.?$/.test(path)) throw bad('path');
  if (!sha512 || !/^[A-Za-z0-9+/]{86}==$/.test(sha512)) throw bad('sha512');
  if (!Number.isSafeInteger(size) || size <= 0) throw bad('size');
  const staging = top['stagingPercentage'] === undefined ? null : Number(top['stagingPercentage']);
  if (staging !== null && !(staging >= 0 && staging <= 100)) throw bad('stagingPercentage');
  return { version, path, sha512, size, releaseDate: top['releaseDate'] ?? null, stagingPercentage: staging };
}

/** Numeric comparison of x.y.z (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core, pre] = v.split('-', 2);
    return { nums: core!.split('.').map(Number), pre: pre ?? null };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}
