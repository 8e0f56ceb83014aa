import { call } from '../api/client';
import { printInBrowser } from './browserPrint';

/**
 * Print one notice: issue its document (stored and audited once), print it — by the desktop shell,
 * or here through the browser's dialog — then mark the notice printed with that document.
 */
export async function printNotice(requestId: string): Promise<'host' | 'browser'> {
  const doc = await call('printQueue.issue', { requestId });
  const submitted = await call('print.submit', { documentId: doc.id });
  if (submitted.delivery === 'browser') await printInBrowser([submitted.job], submitted.paper);
  await call('printQueue.markPrinted', { requestId, documentId: doc.id });
  return submitted.delivery;
}
