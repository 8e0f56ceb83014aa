import { checkIdNumber, normalizeIdNumber, type IdNumberResult, type Sex } from '../../../common/idnumber/check';
import { translate } from '../../../common/i18n/translate';

export interface IdNumberFeedback {
  status: '' | 'error' | 'success';
  message: string;
  result: IdNumberResult | null;
}

/**
 * What the field says while the clerk types: a count while the number is still being entered,
 * then the verdict with the facts the number carries (or every problem found).
 */
export function idNumberFeedback(raw: string, today: string, sex?: Sex): IdNumberFeedback {
  const typed = normalizeIdNumber(raw);
  if (typed.length === 0) return { status: '', message: '', result: null };
  const stillTyping = /^\d{1,17}$/.test(typed) && typed.length !== 15;
  if (stillTyping)
    return { status: '', message: translate('idNumber.typing', { count: typed.length, left: 18 - typed.length }), result: null };
  const result = checkIdNumber(typed, { today, ...(sex ? { sex } : {}) });
  if (!result.valid) {
    return { status: 'error', message: result.problems.map((p) => translate(`idNumber.${p}`)).join('；'), result };
  }
  const parts: string[] = [translate('idNumber.valid')];
  if (result.kind === 'foreigner2023') parts.push(translate('idNumber.foreigner'));
  else {
    if (result.kind === 'hkmotw') parts.push(translate('idNumber.hkmotw'));
    parts.push(translate('idNumber.facts', { province: result.province ?? '', birthDate: result.birthDate ?? '', sex: result.sex ?? '' }));
  }
  if (result.original) parts.push(translate('idNumber.converted', { idNumber: result.idNumber }));
  return { status: 'success', message: parts.join(' · '), result };
}
