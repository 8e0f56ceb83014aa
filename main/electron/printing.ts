import { BrowserWindow, session, webContents as allWebContents } from 'electron';
import type { PrinterInfo, PrintHost, PrintJob } from '../core/index';
import { PRINT_PARTITION, restrictPermissions } from './sessionPermissions';

/**
 * The desktop shell's PrintHost (see main/core/documents/README.md, "Printing"). Core, in its
 * worker, asks for printers and print jobs over the worker port; this answers with Electron.
 *
 * A job is printed from a hidden, sandboxed window in an in-memory session that shows the PDF in
 * Chromium's own viewer, then `webContents.print` (silent for batches) on the chosen printer. The
 * PDF never touches the disk: it travels as a data: URL (Chromium caps URLs at 2 MB, far above a
 * notice's ~50 KB). Electron ≥ 32 prints the PDF viewer's frame (electron#43309) and ≥ 36 prints
 * it silently (electron#47378); this app ships Electron 45.
 */
const MAX_URL = 2 * 1024 * 1024 - 64;
/** The viewer lays the pages out after load; printing earlier gives blank pages. */
const VIEWER_SETTLE_MS = 600;

export function createElectronPrintHost(devServerUrl: string | undefined): PrintHost {
  hardenPrintSession(devServerUrl);
  return {
    async printers(): Promise<PrinterInfo[]> {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents ?? allWebContents.getAllWebContents()[0];
      if (!contents) return [];
      const list = await contents.getPrintersAsync();
      return list.map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
        isDefault: (p.options as Record<string, string> | undefined)?.['is-default'] === 'true',
      }));
    },
    print: (job) => printPdf(job),
  };
}

/**
 * The print windows' session gets the app session's permission policy (sessionPermissions.ts) when
 * the host is made, before any print window exists: a new session grants every permission, and the
 * PDF viewer's data: page is no app page, so it is granted none.
 */
function hardenPrintSession(devServerUrl: string | undefined): void {
  restrictPermissions(session.fromPartition(PRINT_PARTITION), devServerUrl);
}

async function printPdf(job: PrintJob): Promise<void> {
  const url = `data:application/pdf;base64,${Buffer.from(job.pdf).toString('base64')}`;
  if (url.length > MAX_URL) throw new Error('文书过大，无法直接打印');
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    title: job.title,
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      plugins: true,
      spellcheck: false,
    },
  });
  try {
    await win.loadURL(url);
    await new Promise((resolve) => setTimeout(resolve, VIEWER_SETTLE_MS));
    await new Promise<void>((resolve, reject) => {
      win.webContents.print(
        {
          silent: job.silent,
          printBackground: true,
          copies: job.copies,
          pageSize: job.paper,
          margins: { marginType: 'none' },
          ...(job.printer ? { deviceName: job.printer } : {}),
        },
        (success, failureReason) => (success ? resolve() : reject(new Error(failureReason || '打印机未接受任务'))),
      );
    });
  } finally {
    win.destroy();
  }
}
