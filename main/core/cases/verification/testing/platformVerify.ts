import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHILD, HUSBAND, WIFE } from '../../testing/household';
import { platformCli, type PlatformData } from '../../testing/platformStation';

/** A 核对 report as the centre returns it (the CLI's --file): deposits, a vehicle, a pension, nothing for the child. */
export const verificationReport = (reportNo: string, issuedOn: string, pensionFen = 150_000) => ({
  centre: '綦江区社会救助家庭经济状况核对中心',
  reportNo,
  issuedOn,
  members: [
    {
      idNumber: HUSBAND.idNumber,
      name: HUSBAND.name,
      items: [
        { type: 'deposit', amountFen: 1_250_000, source: '人民银行重庆营业管理部', asOf: '2026-02-10', detail: '农业银行活期' },
        { type: 'vehicle', amountFen: 3_000_000, source: '市公安局交巡警总队', asOf: '2026-02-09', detail: '渝B·12345 小型轿车' },
        { type: 'tax', amountFen: 210_000, source: '国家税务总局重庆市税务局', asOf: '2026-01-31' },
      ],
    },
    {
      idNumber: WIFE.idNumber,
      name: WIFE.name,
      items: [{ type: 'socialInsurance', amountFen: pensionFen, source: '市人力社保局', asOf: '2026-01-31', detail: '城乡居民养老保险' }],
    },
    { idNumber: CHILD.idNumber, name: CHILD.name, items: [] },
  ],
});

/**
 * `npm run platform -- verify --case REF --file REPORT.json --json` in its own process, on the
 * platform's data directory (and its PostgreSQL where the suite runs on one).
 */
export function platformVerify(store: PlatformData, caseRef: string, body: unknown) {
  const file = join(store.dataDir, `report-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(body));
  return platformCli(store, 'verify', ['--case', caseRef, '--file', file, '--json']);
}
