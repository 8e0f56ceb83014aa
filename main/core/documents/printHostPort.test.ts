import { describe, expect, it } from 'vitest';
import { FakePrintHost } from './testing/services';
import { answerPrintRequest, printHostOverPort, type PrintRequestMessage } from './printHostPort';

/** The worker side and the shell side of the print port, wired back to back as the worker port does. */
describe('PrintHost over the worker port', () => {
  it('lists printers, prints, and carries a printer error back as a rejection', async () => {
    const real = new FakePrintHost([2]);
    const sent: PrintRequestMessage[] = [];
    const port = printHostOverPort((m) => {
      sent.push(structuredClone(m));
      void answerPrintRequest(real, structuredClone(m)).then((answer) => port.settle(structuredClone(answer)));
    });
    expect(await port.host.printers()).toEqual([{ name: 'HP_LaserJet', displayName: 'HP LaserJet', isDefault: true }]);
    const job = {
      title: 't',
      pdf: new Uint8Array([37, 80, 68, 70]),
      printer: 'HP_LaserJet',
      paper: 'A5' as const,
      copies: 1,
      silent: true,
    };
    await port.host.print(job);
    await expect(port.host.print(job)).rejects.toThrow('缺纸');
    expect(real.jobs).toEqual([job]);
    expect(sent.map((m) => m.request.op)).toEqual(['printers', 'print', 'print']);
  });
});
