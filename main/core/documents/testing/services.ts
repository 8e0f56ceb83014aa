/** A station with the documents services over a real encrypted store, for the service tests. */
import { loadDocumentFonts } from '../fonts';
import { FONTS_DIR, testFonts } from './fixtures';
import { ADMIN, makeStation, tempDir, type TestStation } from '../../kernel/store/testing/fixtures';
import type { PrintHost, PrintJob } from '../printHost';
import { DocumentService } from '../service/documentService';
import { NoticeQueue } from '../service/noticeQueue';
import { PrintBatches } from '../service/printBatches';
import { PrintService, type SettingsStore } from '../service/printService';

export interface DocumentsFixture {
  t: TestStation;
  docs: DocumentService;
  queue: NoticeQueue;
  printing: PrintService;
  batches: PrintBatches;
  cleanup(): void;
}

/** A PrintHost that records jobs and fails the calls listed in `failOn` (1-based call numbers). */
export class FakePrintHost implements PrintHost {
  jobs: PrintJob[] = [];
  calls = 0;
  constructor(public failOn: number[] = []) {}
  async printers() {
    return [{ name: 'HP_LaserJet', displayName: 'HP LaserJet', isDefault: true }];
  }
  async print(job: PrintJob) {
    this.calls++;
    if (this.failOn.includes(this.calls)) throw new Error('缺纸');
    this.jobs.push({ ...job, pdf: new Uint8Array(job.pdf) });
  }
}

export function documentsFixture(host?: PrintHost): DocumentsFixture {
  testFonts();
  const d = tempDir('jiuzhu-docs-');
  const t = makeStation(d.dir);
  t.auth.login(ADMIN.username, ADMIN.password);
  const db = t.station.db;
  const audit = t.auth.audit();
  const now = () => t.clock.now();
  const docs = new DocumentService({ db, clock: t.clock, audit, fonts: () => loadDocumentFonts(FONTS_DIR) });
  const queue = new NoticeQueue(db, docs, audit, now);
  let settings: ReturnType<SettingsStore['read']> = {};
  const store: SettingsStore = { read: () => settings, update: (c) => (settings = { ...settings, ...c }) };
  const printing = new PrintService(docs, audit, store, host);
  const batches = new PrintBatches(db, now, audit, docs, queue, printing);
  return {
    t,
    docs,
    queue,
    printing,
    batches,
    cleanup: () => {
      t.auth.close();
      d.cleanup();
    },
  };
}
