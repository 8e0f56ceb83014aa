import type { RunningPlatform } from '../../city-platform/platform';
import { openStore } from '../../city-platform/store/open';
import { caseStep, enrolClient, idNumber } from '../../city-platform/testClient/fixtures';

/** A household of one taken at another counter of the station, and the 核对 report that names it. */
export interface KeptReportCase {
  stationId: string;
  caseId: string;
  caseNo: string;
  /** The applicant's serial in the test client's synthetic ID numbers (idNumber(serial)). */
  serial: number;
  name: string;
  reportId: string;
  reportNo: string;
}

/**
 * The report of a case the station has not pulled yet, put into the station's feed as the platform
 * puts a `verification.report` item (`{ id, body }`). The reference platform's `verify` posts a report
 * only for a case it holds, after the case's own item, so a workstation sees the report first only
 * when a platform feeds it first; this is that feed, on the reference platform's own store.
 */
export async function feedReportBeforeItsCase(platformDir: string, c: KeptReportCase): Promise<void> {
  const store = await openStore({ dataDir: platformDir });
  try {
    await store.appendFeed({
      kind: 'verification.report',
      stationId: c.stationId,
      regionCode: null,
      at: Date.now(),
      body: {
        id: c.reportId,
        body: {
          caseId: c.caseId,
          caseNo: c.caseNo,
          centre: '綦江区社会救助家庭经济状况核对中心',
          reportNo: c.reportNo,
          issuedOn: new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10),
          members: [
            {
              idNumber: idNumber(c.serial),
              name: c.name,
              items: [{ type: 'deposit', amountFen: 800_000, source: '人民银行重庆营业管理部', asOf: '2026-01-31' }],
            },
          ],
        },
      },
    });
  } finally {
    await store.close();
  }
}

/** The case itself arrives: another counter of the station (a protocol client) pushes it; the platform feeds it to the station. */
export async function pushCaseFromAnotherCounter(platform: RunningPlatform, c: KeptReportCase): Promise<void> {
  const counter = await enrolClient(platform, c.stationId);
  const { result } = await counter.push([counter.record(caseStep(c.caseId, c.serial, { name: c.name, caseNo: c.caseNo }))]);
  if (result.answers[0]?.status !== 'acknowledged')
    throw new Error(`the platform did not take the case: ${JSON.stringify(result.answers)}`);
}
