import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startPlatform } from '../city-platform/platform';
import { materialsChecklistSchema } from '../common/cases/materials';
import { syntheticApplication } from '../main/core/cases/demo/synthetic';
import { intakeSignature } from '../main/core/cases/testing/captures';
import { launchShell } from '../tests/e2e/browserShell';
import { chromiumPath } from '../tests/e2e/chromium';
import { logIn, openIntake, setUpIntakeStation } from '../tests/e2e/intakeSupport';
import { childrenMatching, sampleTree, type ProcessMemory } from './processMemory';
import { row, type Benchmark, type BenchRow } from './types';

/**
 * The whole app's memory over a stretch of counter work (issue 21: under 1 GB on a 4 GB counter PC,
 * flat between the second and the last quarter of an hour).
 *
 * The real app through the browser shell: the built out/main/browser.js (main and the core worker
 * thread: one process), Debian's Chromium with the clerk's window logged in on the intake page and
 * the applicant screen paired from it (a second window), and the reference city platform on
 * loopback (in this process; not counted). Over `--minutes N` (default 60), evenly spread:
 * 100 intakes through the API (a 低保 household of 2–4 saved, every required signer's
 * authorization, submitted, accepted), each followed by its 受理通知书 printed from the print queue
 * and a 补打 copy of it (200 notices through the real print path: rendered, stored encrypted,
 * audited), the clerk's window opening the case list and going back to the intake page; two syncs
 * (at the half and near the end). Every minute: RSS and PSS (shared pages split between the
 * processes using them) and USS (pages of that process alone) of every process of the shell and
 * of Chromium, and each window's JS heap. "Flat": the median total USS of the last quarter is within
 * 10 % of the second quarter's. USS, because PSS moves with every other Chromium on the machine
 * (they share its library pages) and RSS counts the shared pages once per process.
 */
const INTAKES = 100;
const FLAT_TOLERANCE = 0.1;
/** Every item of the shipped 低保 checklist, received: whatever the household, nothing is missing at acceptance. */
const DIBAO_MATERIALS = materialsChecklistSchema
  .parse(JSON.parse(readFileSync(join(import.meta.dirname, '../resources/cases/materials.json'), 'utf8')))
  .types.dibao.map((m) => m.code);

/** `--minutes N` from the bench's command line (bench/index.ts passes the whole argv). */
export function minutesOption(argv: readonly string[]): number {
  const i = argv.indexOf('--minutes');
  if (i < 0) return 60;
  const n = Number(argv[i + 1]);
  if (!(n >= 1 && n <= 600)) throw new Error('--minutes 应为 1 到 600 之间的分钟数');
  return n;
}

interface Sample {
  minute: number;
  processes: ProcessMemory[];
  clerkHeapMiB: number;
  applicantHeapMiB: number;
  done: { intakes: number; notices: number; syncs: number };
  load: number;
}

const mib = (kib: number) => kib / 1024;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** JS heap in use of one window, MiB (Chrome DevTools protocol, the page's own isolate). */
async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/** Total USS per role, MiB. */
function byRole(s: Sample): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of s.processes) out.set(p.role, (out.get(p.role) ?? 0) + mib(p.ussKiB));
  return out;
}

function printSamples(samples: Sample[]): void {
  const roles = [...new Set(samples.flatMap((s) => s.processes.map((p) => p.role)))];
  const head = [
    'min',
    ...roles.map((r) => `${r} USS`),
    'total USS',
    'total PSS',
    'total RSS',
    'clerk heap',
    'applicant heap',
    'intakes',
    'notices',
    'syncs',
    'load',
  ];
  const lines = samples.map((s) => {
    const r = byRole(s);
    return [
      String(s.minute),
      ...roles.map((role) => (r.get(role) ?? 0).toFixed(0)),
      mib(sum(s.processes.map((p) => p.ussKiB))).toFixed(0),
      mib(sum(s.processes.map((p) => p.pssKiB))).toFixed(0),
      mib(sum(s.processes.map((p) => p.rssKiB))).toFixed(0),
      s.clerkHeapMiB.toFixed(1),
      s.applicantHeapMiB.toFixed(1),
      String(s.done.intakes),
      String(s.done.notices),
      String(s.done.syncs),
      s.load.toFixed(1),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  process.stderr.write(
    `\nmemory per minute (MiB; USS by process role)\n${fmt(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${lines.map(fmt).join('\n')}\n\n`,
  );
}

export const benchmark: Benchmark = {
  name: 'memory',
  summary:
    'the whole app (browser shell, core worker, Chromium with the clerk and applicant windows) over counter work: 100 intakes, 200 notices, 2 syncs; RSS/PSS every minute (--minutes N, default 60)',
  async run(): Promise<BenchRow[]> {
    const minutes = minutesOption(process.argv);
    const exe = chromiumPath();
    if (!exe) throw new Error('memory bench needs /usr/bin/chromium (or CHROME_PATH) and the built app: run `npm run build` first');
    const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-memory-'));
    const platformDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-memory-platform-'));
    const platform = await startPlatform({ dataDir: platformDir });
    // The clerk's window stays open all along: no idle lock within the run.
    const shell = await launchShell(dataDir, ['--idle-lock-minutes', '120']);
    const browser = await chromium.launch({ executablePath: exe });
    try {
      const call = await setUpIntakeStation(shell);
      const slip = await platform.admin.createEnrolmentCode({ stationId: 'ST-BENCH', regionCode: '500110' });
      await call('sync.register', { platformUrl: platform.url, code: slip.code, fingerprint: slip.fingerprint });

      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
      const clerk = await context.newPage();
      await logIn(clerk, shell);
      await openIntake(clerk);
      await clerk.getByTestId('new-intake').click();
      const [applicant] = await Promise.all([context.waitForEvent('page'), clerk.getByTestId('open-applicant-screen').click()]);
      await applicant.getByTestId('applicant-idle').waitFor({ timeout: 30_000 });

      const shellPid = shell.child.pid!;
      // Playwright starts Chromium as a child of this process, with its own --user-data-dir.
      const [browserPid, ...more] = childrenMatching(process.pid, '--user-data-dir');
      if (!browserPid || more.length)
        throw new Error(`memory bench: expected one Chromium child of this process, found ${more.length + (browserPid ? 1 : 0)}`);
      const done = { intakes: 0, notices: 0, syncs: 0 };
      const samples: Sample[] = [];
      const started = Date.now();
      const sample = async () => {
        samples.push({
          minute: Math.round((Date.now() - started) / 60_000),
          processes: [...sampleTree(shellPid, () => 'main + core'), ...sampleTree(browserPid, () => null)],
          clerkHeapMiB: await heapMiB(clerk),
          applicantHeapMiB: await heapMiB(applicant),
          done: { ...done },
          load: loadavg()[0]!,
        });
      };
      await sample();
      let sampling = Promise.resolve();
      const timer = setInterval(() => (sampling = sampling.then(sample)), 60_000);

      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const total = minutes * 60_000;
      const syncAt = [total / 2, total * 0.95];
      const sync = async () => {
        const r = await call<{ outcome: string }>('sync.now', { wait: true });
        if (r.outcome !== 'ok') process.stderr.write(`  sync: ${JSON.stringify(r).slice(0, 300)}\n`);
        done.syncs++;
      };
      try {
        for (let i = 0; i < INTAKES; i++) {
          await sleep(started + ((i + 1) * total * 0.9) / INTAKES - Date.now());
          while (done.syncs < syncAt.length && Date.now() - started >= syncAt[done.syncs]!) await sync();
          const application = {
            ...syntheticApplication({ seed: 9_000 + i, today, type: 'dibao', size: 2 + (i % 3) }),
            materials: DIBAO_MATERIALS.map((code) => ({ code, status: 'received' })),
          };
          const saved = await call<{ caseId: string; rev: number }>('intake.save', { application });
          const detail = await call<{ requiredSigners: { idNumber: string; name: string }[] }>('cases.get', { caseId: saved.caseId });
          for (const s of detail.requiredSigners)
            await call('intake.authorize', {
              caseId: saved.caseId,
              signerIdNumber: s.idNumber,
              signature: intakeSignature(saved.caseId, s),
              face: null,
            });
          await call('intake.submit', { caseId: saved.caseId, rev: saved.rev });
          await call('cases.decide', { caseId: saved.caseId, version: 1, decision: { kind: 'accept' } });
          const queue = await call<{ id: string }[]>('printQueue.list', { caseId: saved.caseId, kind: 'acceptance' });
          const request = queue[0];
          if (!request) throw new Error(`memory bench: no 受理通知书 queued for case ${saved.caseId}`);
          const issued = await call<{ id: string }>('printQueue.issue', { requestId: request.id });
          await call('documents.reprint', { documentId: issued.id, reason: 'lost' });
          done.notices += 2;
          done.intakes++;
          // The clerk's window: the case list, then back to the intake page.
          await clerk.evaluate(() => (window.location.hash = '#/cases'));
          await clerk.getByTestId('user-menu').waitFor();
          await sleep(1_000);
          await clerk.evaluate(() => (window.location.hash = '#/intake'));
        }
        while (done.syncs < syncAt.length) {
          await sleep(started + syncAt[done.syncs]! - Date.now());
          await sync();
        }
        await sleep(started + total - Date.now());
      } finally {
        clearInterval(timer);
        await sampling;
      }
      await sample();
      printSamples(samples);

      // Quarters by the time of the sample; the first minute (start-up) belongs to no comparison.
      const quarter = (from: number, to: number) => samples.filter((s) => s.minute >= from * minutes && s.minute <= to * minutes);
      const q2 = quarter(0.25, 0.5);
      const q4 = quarter(0.75, 1);
      const totalUss = (s: Sample) => mib(sum(s.processes.map((p) => p.ussKiB)));
      const totalPss = (s: Sample) => mib(sum(s.processes.map((p) => p.pssKiB)));
      const totalRss = (s: Sample) => mib(sum(s.processes.map((p) => p.rssKiB)));
      const rows: BenchRow[] = [];
      const work = `${minutes} min, ${done.intakes} intakes, ${done.notices} notices, ${done.syncs} syncs`;
      const flat = median(q4.map(totalUss)) <= median(q2.map(totalUss)) * (1 + FLAT_TOLERANCE);
      rows.push(
        row(
          `memory: whole app USS, last quarter vs second (flat: ${flat ? 'yes' : 'no'}, ≤ +${FLAT_TOLERANCE * 100} %)`,
          work,
          median(q4.map(totalUss)),
          'MiB',
          median(q2.map(totalUss)),
        ),
      );
      rows.push(row('memory: whole app PSS, last quarter vs second', work, median(q4.map(totalPss)), 'MiB', median(q2.map(totalPss))));
      rows.push(row('memory: whole app PSS, peak (goal < 1 GB)', `${samples.length} samples`, Math.max(...samples.map(totalPss)), 'MiB'));
      rows.push(
        row(
          'memory: whole app RSS (shared pages counted per process), peak',
          `${samples.length} samples`,
          Math.max(...samples.map(totalRss)),
          'MiB',
        ),
      );
      const roles = [...new Set(samples.flatMap((s) => s.processes.map((p) => p.role)))];
      for (const role of roles) {
        const of = (s: Sample) => byRole(s).get(role) ?? 0;
        const count = Math.max(...samples.map((s) => s.processes.filter((p) => p.role === role).length));
        rows.push(
          row(
            `memory: ${role} USS, last quarter vs second`,
            `${count} process${count > 1 ? 'es' : ''}`,
            median(q4.map(of)),
            'MiB',
            median(q2.map(of)),
          ),
        );
      }
      rows.push(
        row(
          "memory: clerk window's JS heap, last quarter vs second",
          'intake page / case list',
          median(q4.map((s) => s.clerkHeapMiB)),
          'MiB',
          median(q2.map((s) => s.clerkHeapMiB)),
        ),
      );
      rows.push(
        row(
          "memory: applicant window's JS heap, last quarter vs second",
          'paired screen',
          median(q4.map((s) => s.applicantHeapMiB)),
          'MiB',
          median(q2.map((s) => s.applicantHeapMiB)),
        ),
      );
      rows.push(row('memory: load average (1 min), median of the samples', work, median(samples.map((s) => s.load)), ''));
      return rows;
    } finally {
      await browser.close();
      if (shell.child.exitCode === null) {
        const exited = new Promise<void>((r) => shell.child.once('exit', () => r()));
        shell.child.kill('SIGTERM');
        await exited;
      }
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(platformDir, { recursive: true, force: true });
    }
  },
};
