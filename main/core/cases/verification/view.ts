import type { Application } from '../../../../common/cases/application';
import type { AssetLimits } from '../../../../common/cases/settings';
import { VERIFICATION_INCOME_TYPES, type VerificationView } from '../../../../common/cases/verification';
import type { VerificationReportBody } from '../../../../sync-protocol/records/index';
import { verificationHint } from './hint';
import type { VerificationRepo } from './repo';

const INCOME = new Set<string>(VERIFICATION_INCOME_TYPES);

/**
 * The case page's 核对 panel: the current report per member and type with totals, the reports it
 * superseded, and the hint's findings against the household's declaration and the county's limits.
 */
export function verificationView(
  repo: VerificationRepo,
  caseId: string,
  app: Application,
  standardFen: number | null,
  limits: AssetLimits | undefined,
): VerificationView {
  const row = repo.current(caseId);
  if (!row) return null;
  const body = JSON.parse(row.body) as VerificationReportBody;
  const members = body.members.map((m) => ({
    idNumber: m.idNumber,
    name: m.name,
    items: m.items.map((i) => ({ type: i.type, amountFen: i.amountFen, source: i.source, asOf: i.asOf, detail: i.detail ?? null })),
    assetsFen: m.items.filter((i) => !INCOME.has(i.type) && i.type !== 'business').reduce((s, i) => s + i.amountFen, 0),
    incomeFen: m.items.filter((i) => INCOME.has(i.type)).reduce((s, i) => s + i.amountFen, 0),
  }));
  const all = body.members.flatMap((m) => m.items);
  const sum = (type: string) => all.filter((i) => i.type === type).reduce((s, i) => s + i.amountFen, 0);
  const hint = verificationHint({ report: body, members: app.members, income: app.income, standardFen, limits });
  return {
    reportId: row.id,
    reportNo: row.report_no,
    centre: row.centre,
    issuedOn: row.issued_on,
    receivedAt: row.received_at,
    members,
    totals: {
      depositsFen: sum('deposit'),
      vehicleValueFen: sum('vehicle'),
      realEstateCount: all.filter((i) => i.type === 'realEstate').length,
      incomeFen: members.reduce((s, m) => s + m.incomeFen, 0),
    },
    superseded: repo.superseded(caseId).map((r) => ({ reportId: r.id, reportNo: r.report_no, issuedOn: r.issued_on })),
    findings: hint.findings.map((f) => f.text),
  };
}
