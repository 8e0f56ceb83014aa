import type { DocumentKind } from '../../../common/documents/index';
import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import { loadDocumentFonts } from './fonts';
import type { PrintHost } from './printHost';
import { summaryOf } from './service/documentRepo';
import { DocumentService } from './service/documentService';
import { findFontsDir } from './service/fontsDir';
import { NoticeQueue, publicNotice } from './service/noticeQueue';
import { PrintBatches } from './service/printBatches';
import { PrintService } from './service/printService';

type Methods =
  | 'documents.preview'
  | 'documents.issue'
  | 'documents.list'
  | 'documents.get'
  | 'documents.reprint'
  | 'certificate.verify'
  | 'certificate.draft'
  | 'certificate.issue'
  | 'certificate.scan'
  | 'print.printers'
  | 'print.settings'
  | 'print.configure'
  | 'print.submit'
  | 'printQueue.list'
  | 'printQueue.add'
  | 'printQueue.issue'
  | 'printQueue.markPrinted'
  | 'printBatch.start'
  | 'printBatch.list'
  | 'printBatch.next'
  | 'printBatch.ack'
  | 'printBatch.pause'
  | 'printBatch.resume'
  | 'printBatch.cancel';

export interface DocumentsOptions {
  /** The desktop shell's printing; absent in the browser shell and the CLI (the page prints). */
  printHost?: PrintHost;
  /** resources/fonts; found next to the app when absent. */
  fontsDir?: string;
}

/**
 * Official documents over the store: issue (render + store encrypted + audit), preview, reprint
 * (补打), the notice print queue, batch printing and certificate verification. See README.md.
 */
export function documentsCapability(deps: CoreDeps, options: DocumentsOptions = {}): Capability<Methods> {
  const fonts = () => loadDocumentFonts(options.fontsDir ?? findFontsDir());
  const actorOf = (ctx: SessionCallContext) => ctx.session.userId;
  const services = async () => {
    const s = await deps.services();
    const db = s.station.db;
    const audit = s.auth.audit();
    const now = () => deps.clock.now();
    const station = () => {
      const info = s.station.stationInfo();
      return { name: info?.name ?? '', regionCode: info?.regionCode ?? '000000' };
    };
    const docs = new DocumentService({ db, clock: deps.clock, audit, fonts, station });
    const queue = new NoticeQueue(db, docs, audit, now);
    const printing = new PrintService(docs, audit, deps.settings, options.printHost);
    const batches = new PrintBatches(db, now, audit, docs, queue, printing, (b) =>
      deps.emit({
        event: 'task.progress',
        payload: { task: `print-batch:${b.id}`, phase: b.state, fraction: b.total ? b.printed / b.total : 1 },
      }),
    );
    return { docs, queue, printing, batches };
  };

  return {
    handlers: {
      'documents.preview': async (input, ctx) => {
        const { docs, queue } = await services();
        const actor = actorOf(ctx);
        const source =
          'requestId' in input ? queue.get(input.requestId) : { caseId: input.caseId, kind: input.kind as DocumentKind, data: input.data };
        const doc = await docs.preview(source.caseId, source.kind, source.data, actor);
        return { kind: doc.kind, pdfBase64: doc.pdf.toString('base64'), pages: doc.pages, sha256: doc.sha256 };
      },
      'documents.issue': async (input, ctx) =>
        (await services()).docs.issue({ caseId: input.caseId, kind: input.kind, data: input.data }, actorOf(ctx)),
      'documents.list': async (input) => (await services()).docs.list(input.caseId),
      'documents.get': async (input, ctx) => {
        const { row, pdf } = (await services()).docs.get(input.documentId, actorOf(ctx));
        return { document: summaryOf(row), pdfBase64: pdf.toString('base64') };
      },
      'documents.reprint': async (input, ctx) =>
        (await services()).docs.reprint(input.documentId, actorOf(ctx), { reason: input.reason, note: input.note ?? null }),
      'certificate.verify': async (input) => (await services()).docs.verifyCertificate(input.payload),
      'certificate.draft': async (input, ctx) => {
        const { draft, doc } = await (await services()).docs.certificateDraft(input.caseId, input.purpose, actorOf(ctx));
        return { draft, pdfBase64: doc.pdf.toString('base64'), pages: doc.pages };
      },
      'certificate.issue': async (input, ctx) => (await services()).docs.issueCertificate(input.caseId, input.purpose, actorOf(ctx)),
      'certificate.scan': async (input) => (await services()).docs.checkCertificate(input),

      'print.printers': async () => {
        const { printing } = await services();
        return { delivery: printing.delivery, printers: await printing.printers() };
      },
      'print.settings': async () => (await services()).printing.read(),
      'print.configure': async (input) => (await services()).printing.configure(input.kind, input.printer, input.paper),
      'print.submit': async (input, ctx) => {
        const { docs, printing } = await services();
        return printing.print(docs.row(input.documentId), actorOf(ctx), { copies: input.copies, silent: false });
      },

      'printQueue.list': async (input) => (await services()).queue.list(input).map(publicNotice),
      'printQueue.add': async (input, ctx) => publicNotice((await services()).queue.add(input, actorOf(ctx))),
      'printQueue.issue': async (input, ctx) => (await services()).queue.issue(input.requestId, actorOf(ctx)),
      'printQueue.markPrinted': async (input, ctx) =>
        publicNotice((await services()).queue.markPrinted(input.requestId, input.documentId, actorOf(ctx))),

      'printBatch.start': async (input, ctx) => (await services()).batches.start(input.requestIds, actorOf(ctx)),
      'printBatch.list': async () => (await services()).batches.open(),
      'printBatch.next': async (input, ctx) => (await services()).batches.next(input.batchId, input.max, actorOf(ctx)),
      'printBatch.ack': async (input, ctx) => (await services()).batches.ack(input.batchId, input.seqs, actorOf(ctx)),
      'printBatch.pause': async (input) => (await services()).batches.pause(input.batchId),
      'printBatch.resume': async (input) => (await services()).batches.resume(input.batchId),
      'printBatch.cancel': async (input, ctx) => (await services()).batches.cancel(input.batchId, actorOf(ctx)),
    },
  };
}
