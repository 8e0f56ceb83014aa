/**
 * How core prints without knowing the shell. The desktop shell implements PrintHost with
 * Electron's printing (main/electron/printing.ts) and answers core's requests over the worker
 * port (main/core/kernel/host/); the browser shell and the CLI have none, so core hands the PDF back to
 * the page, which prints through the browser's own dialog. See README.md, "Printing".
 */
export type Paper = 'A4' | 'A5';

export interface PrinterInfo {
  name: string;
  displayName: string;
  isDefault: boolean;
}

export interface PrintJob {
  /** Shown in the OS print queue: the document kind and id, never a name. */
  title: string;
  pdf: Uint8Array;
  /** null: the system default printer. */
  printer: string | null;
  /** The documents are laid out on A4; A5 prints them scaled to fit (A5 is A4 at 1/√2). */
  paper: Paper;
  copies: number;
  /** Batches print silently; a single document may show the system dialog. */
  silent: boolean;
}

export interface PrintHost {
  printers(): Promise<PrinterInfo[]>;
  /** Resolves when the OS accepted the job; rejects with a short reason when the printer failed. */
  print(job: PrintJob): Promise<void>;
}

/** The operations of a PrintHost as they travel over the worker port (structured-clone safe). */
export type PrintHostRequest = { op: 'printers' } | { op: 'print'; job: PrintJob };
