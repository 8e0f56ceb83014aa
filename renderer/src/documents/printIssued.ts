import { call } from '../api/client';
import { printInBrowser } from './browserPrint';

/** Print a document already issued (a certificate, a 补打 copy): the desktop shell prints it, the browser shell through its dialog. */
export async function printIssued(documentId: string): Promise<'host' | 'browser'> {
  const submitted = await call('print.submit', { documentId });
  if (submitted.delivery === 'browser') await printInBrowser([submitted.job], submitted.paper);
  return submitted.delivery;
}
