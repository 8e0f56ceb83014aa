/**
 * The desktop shell's PrintHost seen from core in its worker thread: core's print requests go to
 * the shell's main thread over the worker port (messages 'print' / 'printResult', host/messages.ts)
 * and the shell answers with Electron's printing. Plain data only (the PDF is a Uint8Array).
 */
import type { PrinterInfo, PrintHost, PrintHostRequest } from './printHost';

export interface PrintRequestMessage {
  type: 'print';
  id: number;
  request: PrintHostRequest;
}

export type PrintResultMessage =
  { type: 'printResult'; id: number; ok: true; printers?: PrinterInfo[] } | { type: 'printResult'; id: number; ok: false; message: string };

/** In the worker: a PrintHost whose calls are posted to the shell; `settle` takes the answers. */
export function printHostOverPort(post: (message: PrintRequestMessage) => void): {
  host: PrintHost;
  settle(message: PrintResultMessage): void;
} {
  let next = 1;
  const waiting = new Map<number, { resolve(m: PrintResultMessage): void }>();
  const ask = (request: PrintHostRequest) =>
    new Promise<PrintResultMessage>((resolve) => {
      const id = next++;
      waiting.set(id, { resolve });
      post({ type: 'print', id, request });
    });
  const check = (m: PrintResultMessage) => {
    if (!m.ok) throw new Error(m.message);
    return m;
  };
  return {
    host: {
      printers: async () => check(await ask({ op: 'printers' })).printers ?? [],
      print: async (job) => void check(await ask({ op: 'print', job })),
    },
    settle(message) {
      waiting.get(message.id)?.resolve(message);
      waiting.delete(message.id);
    },
  };
}

/** In the shell's main thread: run one request on the real PrintHost and make the answer. */
export async function answerPrintRequest(host: PrintHost, message: PrintRequestMessage): Promise<PrintResultMessage> {
  try {
    if (message.request.op === 'printers') return { type: 'printResult', id: message.id, ok: true, printers: await host.printers() };
    await host.print(message.request.job);
    return { type: 'printResult', id: message.id, ok: true };
  } catch (e) {
    return { type: 'printResult', id: message.id, ok: false, message: (e instanceof Error ? e.message : String(e)).slice(0, 300) };
  }
}
