import { z } from 'zod';
import { documentKindSchema } from '../../../documents/index';
import { defineMethod } from '../../define';
import { caseIdSchema, documentSummarySchema, recordIdSchema } from './documents';

export const paperSchema = z.enum(['A4', 'A5']);
export type Paper = z.infer<typeof paperSchema>;

/** Printer and paper remembered per document kind on this workstation. */
export const kindPrintSettingSchema = z
  .object({ printer: z.string().min(1).max(200).nullable().default(null), paper: paperSchema.default('A4') })
  .strict();
export const printSettingsSchema = z.object({ byKind: z.partialRecord(documentKindSchema, kindPrintSettingSchema).default({}) });
export type PrintSettings = z.infer<typeof printSettingsSchema>;

/**
 * 'host': the desktop shell prints (printer list, silent printing); 'browser': core hands the PDF
 * to the page, which prints it through the browser's own dialog.
 */
export const deliverySchema = z.enum(['host', 'browser']);

export const printerSchema = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });

/** What the page prints itself in the browser shell. */
const browserJobSchema = z.object({ documentId: z.string(), kind: documentKindSchema, title: z.string(), pdfBase64: z.string() });

export const noticeRequestSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  /** The case's number (案件编号) to show where a case is named; null before it has one. */
  caseNo: z.string().nullable(),
  kind: documentKindSchema,
  state: z.enum(['pending', 'printed', 'cancelled']),
  requestedAt: z.string(),
  documentId: z.string().nullable(),
  /** For the clerk to recognise it: the case number and the applicant's name from the data. */
  label: z.string(),
});
export type NoticeRequest = z.infer<typeof noticeRequestSchema>;

export const printBatchSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'paused', 'error', 'done', 'cancelled']),
  total: z.number().int(),
  printed: z.number().int(),
  /** zh-CN message of the last printer error (state 'error'); resume retries the same notice. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
export type PrintBatch = z.infer<typeof printBatchSchema>;

const batchId = z.object({ batchId: recordIdSchema }).strict();

export const printMethods = {
  'print.printers': defineMethod({
    summary: "The workstation's printers (desktop shell) or 'browser' (the browser's dialog chooses).",
    permission: 'document.print',
    input: z.object({}).strict(),
    output: z.object({ delivery: deliverySchema, printers: z.array(printerSchema) }),
  }),
  'print.settings': defineMethod({
    summary: 'Printer and paper remembered per document kind.',
    permission: 'document.print',
    input: z.object({}).strict(),
    output: printSettingsSchema,
  }),
  'print.configure': defineMethod({
    summary: 'Remember the printer and paper (A4, or A5 where the county wants it) for a document kind.',
    permission: 'document.print',
    input: z.object({ kind: documentKindSchema, printer: z.string().min(1).max(200).nullable(), paper: paperSchema }).strict(),
    output: printSettingsSchema,
  }),
  'print.submit': defineMethod({
    summary:
      'Print an issued document with the remembered printer; audited. In the browser shell the PDF comes back for the page to print.',
    permission: 'document.print',
    input: z.object({ documentId: recordIdSchema, copies: z.number().int().min(1).max(20).default(1) }).strict(),
    output: z.discriminatedUnion('delivery', [
      z.object({ delivery: z.literal('host'), printer: z.string().nullable() }),
      z.object({ delivery: z.literal('browser'), paper: paperSchema, job: browserJobSchema }),
    ]),
  }),
  'printQueue.list': defineMethod({
    summary: 'Notices owed (pending) or done, oldest first; optionally of one case or kind.',
    permission: 'case.read',
    input: z
      .object({
        state: z.enum(['pending', 'printed', 'cancelled']).default('pending'),
        caseId: caseIdSchema.optional(),
        kind: documentKindSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.array(noticeRequestSchema),
  }),
  'printQueue.add': defineMethod({
    summary: 'Add a notice request for a case (workflow steps write these in their own transaction; this is the ad-hoc path).',
    permission: 'case.write',
    input: z.object({ caseId: caseIdSchema, kind: documentKindSchema, data: z.record(z.string(), z.unknown()) }).strict(),
    output: noticeRequestSchema,
  }),
  'printQueue.issue': defineMethod({
    summary: "Render and store a pending request's document (once: again returns the same document).",
    permission: 'document.print',
    input: z.object({ requestId: recordIdSchema }).strict(),
    output: documentSummarySchema,
  }),
  'printQueue.markPrinted': defineMethod({
    summary: 'Mark a request printed with the document that fulfilled it.',
    permission: 'document.print',
    input: z.object({ requestId: recordIdSchema, documentId: recordIdSchema }).strict(),
    output: noticeRequestSchema,
  }),
  'printBatch.start': defineMethod({
    summary: 'Start a persisted batch print of pending requests (in the given order).',
    permission: 'document.print',
    input: z.object({ requestIds: z.array(recordIdSchema).min(1).max(2000) }).strict(),
    output: printBatchSchema,
  }),
  'printBatch.list': defineMethod({
    summary: 'Unfinished batches (running, paused, stopped by an error), to resume after a restart.',
    permission: 'document.print',
    input: z.object({}).strict(),
    output: z.array(printBatchSchema),
  }),
  'printBatch.next': defineMethod({
    summary: "Print the batch's next notices: the desktop shell prints them; the browser shell gets their PDFs to print and acknowledge.",
    permission: 'document.print',
    input: z.object({ batchId: recordIdSchema, max: z.number().int().min(1).max(50).default(1) }).strict(),
    output: z.object({
      batch: printBatchSchema,
      delivery: deliverySchema,
      paper: paperSchema,
      /** Browser delivery: the notices to print now, then acknowledge by seq. */
      jobs: z.array(browserJobSchema.extend({ seq: z.number().int() })),
    }),
  }),
  'printBatch.ack': defineMethod({
    summary: 'Browser delivery: the page printed these notices of the batch.',
    permission: 'document.print',
    input: z.object({ batchId: recordIdSchema, seqs: z.array(z.number().int().min(0)).min(1).max(50) }).strict(),
    output: printBatchSchema,
  }),
  'printBatch.pause': defineMethod({
    summary: 'Pause a batch where it is.',
    permission: 'document.print',
    input: batchId,
    output: printBatchSchema,
  }),
  'printBatch.resume': defineMethod({
    summary: 'Resume a paused or failed batch at the notice it stopped on.',
    permission: 'document.print',
    input: batchId,
    output: printBatchSchema,
  }),
  'printBatch.cancel': defineMethod({
    summary: 'Cancel the rest of a batch; its unprinted requests stay pending in the queue.',
    permission: 'document.print',
    input: batchId,
    output: printBatchSchema,
  }),
} as const;
