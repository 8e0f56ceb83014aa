import { CertificationService } from '../main/core/certification/service';
import { caseStation } from '../main/core/cases/testing/station';
import { readXlsx } from '../main/core/kernel/files/xlsxReader';
import { RosterImportService } from '../main/core/rosterImport/service';
import { exportHouseholds, memberRowsStreamed } from '../main/core/rosterImport/testing/rosterWorkbook';
import { tempDir } from '../main/core/kernel/store/testing/fixtures';
import { row, type Benchmark, type BenchRow } from './types';

const HOUSEHOLDS = 10_000;
const mb = (kb: number) => kb / 1024;
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
};

/**
 * The roster import of a station's first day: 10,000 households (about 25,000 member rows, one row
 * per member, written by our own streamed writer) into a new real encrypted station. Reading the workbook alone is
 * the preview's baseline; the preview is the confirm's (confirm reads and checks the file again,
 * then writes every household in one transaction). Peak RSS is the process's, after the file was
 * generated (its figure before the import is the baseline).
 */
export const benchmark: Benchmark = {
  name: 'roster-import',
  summary: 'roster import: 10,000 households from an .xlsx into a real encrypted station (read, preview, confirm, peak RSS)',
  async run(): Promise<BenchRow[]> {
    const dir = tempDir('jiuzhu-bench-roster-import-');
    try {
      const households = exportHouseholds(HOUSEHOLDS);
      const members = households.reduce((n, h) => n + h.members.length, 0);
      const file = await memberRowsStreamed(households);
      const env = caseStation(dir.dir, '2026-12-12T01:00:00Z');
      const svc = new RosterImportService({
        db: env.t.station.db,
        clock: env.clock,
        audit: env.t.auth.audit(),
        cases: env.svc.repo,
        regionCode: '500110',
      });
      const rssBefore = process.resourceUsage().maxRSS;
      const work = `${HOUSEHOLDS.toLocaleString('en')} households, ${members.toLocaleString('en')} members, ${(file.length / 1048576).toFixed(1)} MB`;

      const [, readMs] = timed(() => readXlsx(file));
      const [preview, previewMs] = timed(() => svc.preview(env.actor, file));
      if (preview.totals.importHouseholds !== HOUSEHOLDS)
        throw new Error(`preview found ${preview.totals.importHouseholds} importable households, ${preview.errors[0]?.message ?? ''}`);
      const [report, confirmMs] = timed(() => svc.confirm(env.actor, preview.token, 'bench.xlsx', file));
      if (report.totals.importHouseholds !== HOUSEHOLDS) throw new Error('confirm wrote fewer households');
      const rssPeak = process.resourceUsage().maxRSS;
      const cert = new CertificationService({ db: env.t.station.db, clock: env.clock, audit: env.t.auth.audit() });
      const [due, dueMs] = timed(() => cert.dueList('due', 200));
      env.t.auth.close();
      return [
        row('roster-import read .xlsx', work, readMs / 1000, 's'),
        row('roster-import preview', work, previewMs / 1000, 's', readMs / 1000),
        row('roster-import confirm', work, confirmMs / 1000, 's', previewMs / 1000),
        row('roster-import peak RSS', work, mb(rssPeak), 'MB', mb(rssBefore)),
        row('roster-import due list after', `${due.counts.persons.toLocaleString('en')} persons, 200 rows`, dueMs, 'ms'),
      ];
    } finally {
      dir.cleanup();
    }
  },
};
