/**
 * Which installed packages the app needs only because one package is there: the production
 * dependency graph of package-lock.json walked twice, with and without that package. Used to keep
 * a dependency's command-line half (qrcode's yargs tree) out of the package — electron-builder.yml
 * excludes exactly these folders, and a test keeps the two lists equal as dependencies change.
 */
interface LockEntry {
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
export interface Lock {
  packages: Record<string, LockEntry>;
}

/** Node's lookup over the lock's paths: the nearest node_modules/<name> from `from` upwards. */
function resolve(lock: Lock, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

function reachable(lock: Lock, skip: string | null): Set<string> {
  const seen = new Set<string>();
  const todo = Object.keys(lock.packages['']?.dependencies ?? {}).map((n) => resolve(lock, '', n));
  while (todo.length > 0) {
    const path = todo.pop();
    if (!path || seen.has(path) || path === skip) continue;
    seen.add(path);
    const entry = lock.packages[path]!;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) todo.push(resolve(lock, path, name));
  }
  return seen;
}

/** Lock paths (node_modules/…) of the production packages reachable only through `lockPath`, itself included. */
export function onlyThrough(lock: Lock, lockPath: string): string[] {
  const without = reachable(lock, lockPath);
  return [...reachable(lock, null)].filter((p) => !without.has(p)).sort();
}
