import { readdirSync, readFileSync } from 'node:fs';

/**
 * One process's memory from /proc (Linux), KiB: resident set; proportional set (shared pages split
 * between every process mapping them — other Chromiums on the machine included, so it moves when
 * they come and go); unique set (pages only this process maps: what it alone costs and what a leak grows).
 */
export interface ProcessMemory {
  pid: number;
  role: string;
  rssKiB: number;
  pssKiB: number;
  ussKiB: number;
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process ended between listing and reading: it has no memory to count.
    return null;
  }
};

/** Parent of every live process, from /proc/<pid>/stat (the command name in parentheses may hold spaces). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(name), Number(fields[1]));
  }
  return out;
}

/** The direct children of `parent` whose command line contains `match`. */
export function childrenMatching(parent: number, match: string): number[] {
  return [...parents()]
    .filter(([pid, ppid]) => ppid === parent && (read(`/proc/${pid}/cmdline`) ?? '').includes(match))
    .map(([pid]) => pid);
}

/** `root` and every process under it. */
export function processTree(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(byParent.get(pid) ?? []));
  }
  return out;
}

const kib = (text: string | null, field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text ?? '')?.[1] ?? 0);

/** Chromium's process kinds by their --type flag (the browser process has none). */
function chromiumRole(cmdline: string): string {
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  if (!type) return 'browser';
  // e.g. --utility-sub-type=network.mojom.NetworkService → "utility NetworkService".
  if (type === 'utility') return `utility ${/--utility-sub-type=([\w.]+)/.exec(cmdline)?.[1]?.split('.').at(-1) ?? ''}`.trim();
  return type;
}

/** Memory of `root` and its descendants; `label` names the root's role, Chromium's children are named by their type. */
export function sampleTree(root: number, label: (pid: number, cmdline: string) => string | null): ProcessMemory[] {
  const out: ProcessMemory[] = [];
  for (const pid of processTree(root)) {
    const cmdline = (read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ');
    if (!cmdline) continue;
    const status = read(`/proc/${pid}/status`);
    const rollup = read(`/proc/${pid}/smaps_rollup`);
    out.push({
      pid,
      role: label(pid, cmdline) ?? chromiumRole(cmdline),
      rssKiB: kib(status, 'VmRSS'),
      pssKiB: kib(rollup, 'Pss'),
      ussKiB: kib(rollup, 'Private_Clean') + kib(rollup, 'Private_Dirty'),
    });
  }
  return out;
}
