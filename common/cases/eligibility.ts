import type { IncomeItem, Member } from './household';

/**
 * The eligibility HINT shown at the counter: per-capita income against the local standard, with
 * its arithmetic. It is never a decision — the county decides after investigation and data checks.
 */
export interface EligibilityInput {
  members: Member[];
  income: IncomeItem[];
  deductionsFen: number;
  /** The local 低保 standard, monthly, per person, in fen (reference data per region and year). */
  standardFen: number;
  /** The marginal line as a multiple of the standard (1.5 by the national measures; configurable). */
  marginalMultiple?: number;
}

export interface EligibilityHint {
  countedMembers: number;
  excludedMembers: Array<{ idNumber: string; reason: string }>;
  countedIncomeFen: number;
  excludedIncomeFen: number;
  deductionsFen: number;
  /** Monthly per-capita income, fen, rounded down. */
  perCapitaFen: number;
  standardFen: number;
  marginalLineFen: number;
  band: 'below_standard' | 'marginal' | 'above';
  /** The monthly gap to the standard for the household (差额), fen; 0 when above. */
  gapFen: number;
  steps: string[];
}

const COUNTED = new Set(['wages', 'business', 'property', 'transfer']);
const yuan = (fen: number) => (fen / 100).toFixed(2);

export function eligibilityHint(input: EligibilityInput): EligibilityHint {
  const multiple = input.marginalMultiple ?? 1.5;
  const counted = input.members.filter((m) => !m.excluded);
  const countedIds = new Set(counted.map((m) => m.idNumber));
  const excludedMembers = input.members.filter((m) => m.excluded).map((m) => ({ idNumber: m.idNumber, reason: m.excluded! }));

  let countedIncomeFen = 0;
  let excludedIncomeFen = 0;
  for (const item of input.income) {
    if (COUNTED.has(item.category) && countedIds.has(item.memberIdNumber)) countedIncomeFen += item.monthlyFen;
    else excludedIncomeFen += item.monthlyFen;
  }
  const net = Math.max(0, countedIncomeFen - input.deductionsFen);
  const n = counted.length;
  const perCapitaFen = n > 0 ? Math.floor(net / n) : 0;
  const marginalLineFen = Math.round(input.standardFen * multiple);
  const band = perCapitaFen < input.standardFen ? 'below_standard' : perCapitaFen < marginalLineFen ? 'marginal' : 'above';
  const gapFen = band === 'below_standard' ? (input.standardFen - perCapitaFen) * n : 0;

  const steps = [
    `计入家庭成员 ${n} 人${excludedMembers.length ? `（另有 ${excludedMembers.length} 人不计入）` : ''}`,
    `计入收入 ${yuan(countedIncomeFen)} 元/月${excludedIncomeFen ? `（不计入收入 ${yuan(excludedIncomeFen)} 元/月）` : ''}`,
    `扣减刚性支出 ${yuan(input.deductionsFen)} 元/月`,
    `人均收入 = (${yuan(countedIncomeFen)} − ${yuan(input.deductionsFen)}) ÷ ${n} = ${yuan(perCapitaFen)} 元/月`,
    `当地低保标准 ${yuan(input.standardFen)} 元/月；低保边缘线 ${multiple} × 标准 = ${yuan(marginalLineFen)} 元/月`,
  ];
  if (band === 'below_standard')
    steps.push(`低于低保标准：差额 (${yuan(input.standardFen)} − ${yuan(perCapitaFen)}) × ${n} = ${yuan(gapFen)} 元/月（仅供参考）`);
  else if (band === 'marginal') steps.push('高于低保标准、低于边缘线：可能符合低保边缘家庭条件（仅供参考）');
  else steps.push('高于低保边缘线（仅供参考，以调查核对结果为准）');

  return {
    countedMembers: n,
    excludedMembers,
    countedIncomeFen,
    excludedIncomeFen,
    deductionsFen: input.deductionsFen,
    perCapitaFen,
    standardFen: input.standardFen,
    marginalLineFen,
    band,
    gapFen,
    steps,
  };
}
