import { existsSync, readdirSync, readFileSync, statSync, statfsSync } from 'node:fs';
import { cpus, freemem, homedir, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { redactPersonalData } from '../kernel/audit/index';
import { ZipWriter } from '../kernel/files/zip';

export interface DiagnosticsInput {
  dataDir: string;
  version: string;
  shell: string;
  now: Date;
  /** Facts gathered by core when an admin exports from the app (station, sync); absent from a bare CLI run. */
  sections?: Record<string, unknown>;
}

export interface DiagnosticsBundle {
  fileName: string;
  zip: Buffer;
  files: string[];
}

const MiB = 1024 * 1024;
const json = (value: unknown) => Buffer.from(redactPersonalData(JSON.stringify(value, null, 2)), 'utf8');
/** The user's home folder is an account name: IT needs where the data is, not who the clerk is. */
const tidyPath = (p: string) => (p.startsWith(homedir()) ? `~${p.slice(homedir().length)}` : p);

function listDir(dir: string): { name: string; bytes: number; modified: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const s = statSync(join(dir, e.name));
      return { name: e.name, bytes: s.size, modified: s.mtime.toISOString() };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    return { unreadable: (e as Error).message };
  }
}

function about(input: DiagnosticsInput) {
  const disk = (() => {
    try {
      const s = statfsSync(input.dataDir);
      return { freeMiB: Math.floor((s.bavail * s.bsize) / MiB), totalMiB: Math.floor((s.blocks * s.bsize) / MiB) };
    } catch {
      return null;
    }
  })();
  const versions = process.versions as Record<string, string | undefined>;
  return {
    exportedAt: input.now.toISOString(),
    app: { version: input.version, shell: input.shell, dataDir: tidyPath(input.dataDir) },
    runtime: {
      node: versions['node'],
      electron: versions['electron'] ?? null,
      chrome: versions['chrome'] ?? null,
      v8: versions['v8'],
      modules: versions['modules'],
    },
    os: {
      platform: process.platform,
      arch: process.arch,
      type: osType(),
      release: release(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryMiB: Math.floor(totalmem() / MiB),
      freeMemoryMiB: Math.floor(freemem() / MiB),
    },
    disk,
    store: listDir(input.dataDir)
      .filter((f) => /\.(sqlite|db|json)(-wal|-shm)?$/.test(f.name))
      .map((f) => ({ name: f.name, bytes: f.bytes, modified: f.modified })),
    crashDumps: listDir(join(input.dataDir, 'crashes')),
  };
}

/**
 * The diagnostics ZIP: about.json (versions, system, disk, the store's file sizes, the crash dumps
 * by name only — dumps hold memory and stay on the machine), the workstation's device settings,
 * the sections core adds, and every log file. Each file passes the personal-data guard as
 * redaction, whatever wrote it.
 */
export function diagnosticsBundle(input: DiagnosticsInput): DiagnosticsBundle {
  const entries: Array<{ name: string; data: Buffer; modified: Date }> = [
    { name: 'about.json', data: json(about(input)), modified: input.now },
  ];
  const settings = join(input.dataDir, 'workstation.json');
  if (existsSync(settings)) entries.push({ name: 'workstation.json', data: json(readJson(settings)), modified: statSync(settings).mtime });
  for (const [name, value] of Object.entries(input.sections ?? {}))
    entries.push({ name: `${name}.json`, data: json(value), modified: input.now });
  const logs = join(input.dataDir, 'logs');
  for (const f of listDir(logs))
    entries.push({
      name: `logs/${f.name}`,
      data: Buffer.from(redactPersonalData(readFileSync(join(logs, f.name), 'utf8')), 'utf8'),
      modified: new Date(f.modified),
    });
  const stamp = input.now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const zip = new ZipWriter();
  for (const e of entries) zip.add(e.name, e.data, e.modified);
  return { fileName: `jiuzhu-diagnostics-${stamp}.zip`, zip: zip.finish(), files: entries.map((e) => e.name) };
}
