import type { MethodOutput, MethodParsedInput } from '../../../common/contract/index';
import { translate } from '../../../common/i18n/translate';
import { checkIdNumber } from '../../../common/idnumber/check';
import { localIsoDate } from '../../../common/format/dates';
import type { Clock } from '../context';

/** The contract's idNumber.check: the shared pure check, with today's date from the clock and messages from the catalog. */
export function checkIdNumberForApi(input: MethodParsedInput<'idNumber.check'>, clock: Clock): MethodOutput<'idNumber.check'> {
  const result = checkIdNumber(input.idNumber, { today: localIsoDate(clock.now()), ...(input.sex ? { sex: input.sex } : {}) });
  if (result.valid) return result;
  return {
    valid: false,
    problems: result.problems.map((code) => ({ code, message: translate(`idNumber.${code}`) })),
  };
}
