import { translate } from '../../../../common/i18n/translate';
import type { VerificationReportBody } from '../../../../sync-protocol/records/index';
import type { IncomeItem, Member } from '../../../../common/cases/household';
import type { AssetLimits } from '../../../../common/cases/settings';

/**
 * What a 核对 report says against the household's declaration and the county's asset limits: a
 * HINT for the staff, never a decision (the county decides after the investigation). Pure: the
 * case page and the eligibility hint read it, the tests check each rule.
 *
 * - Income: per member, the monthly income the report found (social-insurance benefits, the income
 *   a tax record shows) against what the member declared; the household's total both ways, and the
 *   per-capita income over counted members taking the higher of the two per member.
 * - Deposits per counted member against `depositMonths` × the local standard; the vehicles' total
 *   value against `vehicleValueFen`; the number of real-estate holdings against `realEstateCount`;
 *   any business registration named. Limits the county has not set are said to be unset.
 */
export interface VerificationHintInput {
  report: Pick<VerificationReportBody, 'members'>;
  members: Member[];
  income: IncomeItem[];
  /** The local 低保 standard, monthly per person, fen; null where the county has set none. */
  standardFen: number | null;
  limits: AssetLimits | undefined;
}

export type VerificationFindingCode =
  'incomeAbove' | 'incomeTotal' | 'depositsOver' | 'depositsWithin' | 'vehicleOver' | 'estateOver' | 'business' | 'limitsUnset';

export interface VerificationFinding {
  code: VerificationFindingCode;
  text: string;
}

export interface VerificationHint {
  reportedIncomeFen: number;
  declaredIncomeFen: number;
  /** Monthly per-capita income over counted members, the higher of declared and reported per member; fen, rounded down. */
  perCapitaFen: number;
  depositsFen: number;
  vehicleValueFen: number;
  realEstateCount: number;
  businessCount: number;
  findings: VerificationFinding[];
}

const INCOME_TYPES = new Set(['socialInsurance', 'tax']);
const yuan = (fen: number) => (fen / 100).toFixed(2);
const say = (code: VerificationFindingCode, params: Record<string, string | number> = {}): VerificationFinding => ({
  code,
  text: translate(`verification.hint.${code}`, params),
});

export function verificationHint(input: VerificationHintInput): VerificationHint {
  const counted = input.members.filter((m) => !m.excluded);
  const countedIds = new Set(counted.map((m) => m.idNumber));
  const names = new Map(input.members.map((m) => [m.idNumber, m.name]));
  const declaredOf = (id: string) => input.income.filter((i) => i.memberIdNumber === id).reduce((s, i) => s + i.monthlyFen, 0);
  const findings: VerificationFinding[] = [];
  let reportedIncomeFen = 0;
  let depositsFen = 0;
  let vehicleValueFen = 0;
  let realEstateCount = 0;
  let businessCount = 0;
  const reportedOf = new Map<string, number>();
  for (const m of input.report.members) {
    const reported = m.items.filter((i) => INCOME_TYPES.has(i.type)).reduce((s, i) => s + i.amountFen, 0);
    reportedOf.set(m.idNumber, reported);
    reportedIncomeFen += reported;
    for (const it of m.items) {
      if (it.type === 'deposit' && countedIds.has(m.idNumber)) depositsFen += it.amountFen;
      if (it.type === 'vehicle') vehicleValueFen += it.amountFen;
      if (it.type === 'realEstate') realEstateCount += 1;
      if (it.type === 'business') businessCount += 1;
    }
    const declared = declaredOf(m.idNumber);
    if (reported > declared)
      findings.push(
        say('incomeAbove', {
          name: names.get(m.idNumber) ?? m.name,
          reported: yuan(reported),
          declared: yuan(declared),
          diff: yuan(reported - declared),
        }),
      );
  }
  const declaredIncomeFen = input.income.reduce((s, i) => s + i.monthlyFen, 0);
  const n = counted.length;
  const higher = counted.reduce((s, m) => s + Math.max(declaredOf(m.idNumber), reportedOf.get(m.idNumber) ?? 0), 0);
  const perCapitaFen = n > 0 ? Math.floor(higher / n) : 0;
  findings.push(
    say('incomeTotal', { reported: yuan(reportedIncomeFen), declared: yuan(declaredIncomeFen), perCapita: yuan(perCapitaFen) }),
  );

  const limits = input.limits;
  const depositLimit = limits?.depositMonths != null && input.standardFen !== null ? limits.depositMonths * input.standardFen : null;
  if (depositLimit !== null && n > 0) {
    const per = Math.floor(depositsFen / n);
    findings.push(
      per > depositLimit
        ? say('depositsOver', { perCapita: yuan(per), months: limits!.depositMonths!, limit: yuan(depositLimit) })
        : say('depositsWithin', { perCapita: yuan(per), limit: yuan(depositLimit) }),
    );
  }
  if (limits?.vehicleValueFen != null && vehicleValueFen > limits.vehicleValueFen)
    findings.push(say('vehicleOver', { value: yuan(vehicleValueFen), limit: yuan(limits.vehicleValueFen) }));
  if (limits?.realEstateCount != null && realEstateCount > limits.realEstateCount)
    findings.push(say('estateOver', { count: realEstateCount, limit: limits.realEstateCount }));
  if (businessCount > 0) findings.push(say('business', { count: businessCount }));
  if (depositLimit === null && limits?.vehicleValueFen == null && limits?.realEstateCount == null) findings.push(say('limitsUnset'));
  return { reportedIncomeFen, declaredIncomeFen, perCapitaFen, depositsFen, vehicleValueFen, realEstateCount, businessCount, findings };
}
