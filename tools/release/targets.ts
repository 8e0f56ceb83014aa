/**
 * The packages built for the counter PCs, and what the oldest supported system of each offers.
 * Linux: UOS 20 (Debian 10 base: glibc 2.28, GCC 8 → GLIBCXX 3.4.25, CXXABI 1.3.11) is the oldest;
 * Kylin V10 (glibc 2.31) is newer. Every native file in a package must load on the oldest.
 */
export interface Target {
  name: string;
  platform: 'linux' | 'win32';
  arch: 'x64' | 'arm64';
  /** Linux: the highest symbol version each system library may be asked for. */
  floors?: Record<'GLIBC' | 'GLIBCXX' | 'CXXABI', string>;
}

const UOS20 = { GLIBC: '2.28', GLIBCXX: '3.4.25', CXXABI: '1.3.11' } as const;

export const TARGETS: Target[] = [
  { name: 'win-x64', platform: 'win32', arch: 'x64' },
  { name: 'linux-x64', platform: 'linux', arch: 'x64', floors: { ...UOS20 } },
  { name: 'linux-arm64', platform: 'linux', arch: 'arm64', floors: { ...UOS20 } },
];

export function targetNamed(name: string): Target {
  const t = TARGETS.find((x) => x.name === name);
  if (!t) throw new Error(`unknown target "${name}"; known: ${TARGETS.map((x) => x.name).join(', ')}`);
  return t;
}
