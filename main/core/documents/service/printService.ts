/**
 * Printing an issued document: the printer and paper remembered for its kind, then either the
 * shell's PrintHost prints it (desktop) or the PDF goes back to the page (browser). Audited either way.
 */
import { JiuzhuError } from '../../../../common/contract/errors';
import type { PrintSettings } from '../../../../common/contract/methods/documents/print';
import type { DocumentKind } from '../../../../common/documents/index';
import { documents as messages } from '../../../../common/i18n/zh-CN/documents';
import type { AuditLog } from '../../kernel/audit/auditLog';
import type { Paper, PrintHost } from '../printHost';
import type { DocumentRow } from './documentRepo';
import type { DocumentService } from './documentService';

export interface SettingsStore {
  read(): { printing?: PrintSettings | undefined };
  update(change: { printing: PrintSettings }): unknown;
}

export interface BrowserJob {
  documentId: string;
  kind: DocumentKind;
  title: string;
  pdfBase64: string;
}

export type PrintOutcome = { delivery: 'host'; printer: string | null } | { delivery: 'browser'; paper: Paper; job: BrowserJob };

/** Title in the OS print queue and the browser tab: the kind and a short id, no personal data. */
export const jobTitle = (row: DocumentRow): string => `${messages.documents.kinds[row.kind]} ${row.id.slice(0, 8)}`;

export class PrintService {
  constructor(
    private readonly docs: DocumentService,
    private readonly audit: AuditLog,
    private readonly settings: SettingsStore,
    private readonly host: PrintHost | undefined,
  ) {}

  get delivery(): 'host' | 'browser' {
    return this.host ? 'host' : 'browser';
  }

  read(): PrintSettings {
    return this.settings.read().printing ?? { byKind: {} };
  }

  configure(kind: DocumentKind, printer: string | null, paper: Paper): PrintSettings {
    const current = this.read();
    const next: PrintSettings = { byKind: { ...current.byKind, [kind]: { printer, paper } } };
    this.settings.update({ printing: next });
    return next;
  }

  forKind(kind: DocumentKind): { printer: string | null; paper: Paper } {
    const s = this.read().byKind[kind];
    return { printer: s?.printer ?? null, paper: s?.paper ?? 'A4' };
  }

  async printers() {
    return this.host ? await this.host.printers() : [];
  }

  /** Print one stored document. A host failure is PRINT_FAILED with the printer's reason. */
  async print(row: DocumentRow, actor: string, options: { copies: number; silent: boolean; position?: number }): Promise<PrintOutcome> {
    const { printer, paper } = this.forKind(row.kind);
    const pdf = this.docs.pdf(row);
    if (this.host) {
      try {
        await this.host.print({ title: jobTitle(row), pdf, printer, paper, copies: options.copies, silent: options.silent });
      } catch (e) {
        const detail = (e instanceof Error ? e.message : String(e)).slice(0, 200);
        throw new JiuzhuError('PRINT_FAILED', { detail, position: options.position ?? 1 }, { documentId: row.id });
      } finally {
        pdf.fill(0);
      }
      this.audited(row, actor, 'host', options.copies);
      return { delivery: 'host', printer };
    }
    pdf.fill(0);
    this.audited(row, actor, 'browser', options.copies);
    return { delivery: 'browser', paper, job: this.browserJob(row) };
  }

  /** The PDF for the page to print (browser shell); the caller audits once the page printed it. */
  browserJob(row: DocumentRow): BrowserJob {
    const pdf = this.docs.pdf(row);
    const job = { documentId: row.id, kind: row.kind, title: jobTitle(row), pdfBase64: pdf.toString('base64') };
    pdf.fill(0);
    return job;
  }

  audited(row: DocumentRow, actor: string, delivery: 'host' | 'browser', copies: number): void {
    this.audit.append({
      actor,
      action: 'document.print',
      targetType: 'document',
      targetId: row.id,
      details: { kind: row.kind, delivery, copies, reprint: row.reprintOf !== null },
    });
  }
}
