import { Input, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../common/format/dates';
import type { IdNumberFacts, Sex } from '../../../common/idnumber/check';
import { idNumberFeedback } from './idNumberFeedback';

export interface IdNumberInputProps {
  value?: string;
  onChange?: (value: string) => void;
  /** Called with the parsed facts whenever the field holds a valid number. */
  onValid?: (facts: IdNumberFacts) => void;
  /** Sex from the card or the form, to catch a mismatch with the sequence digit. */
  sex?: Sex;
  autoFocus?: boolean;
  id?: string;
}

/**
 * The ID number field used everywhere a number is typed: checks as the clerk types with the
 * same pure function core uses, and says in words what is wrong.
 */
export function IdNumberInput({ value = '', onChange, onValid, sex, autoFocus, id = 'id-number' }: IdNumberInputProps) {
  const { t } = useTranslation();
  const today = localIsoDate(new Date());
  const feedback = useMemo(() => idNumberFeedback(value, today, sex), [value, today, sex]);

  const handleChange = (next: string) => {
    onChange?.(next);
    const verdict = idNumberFeedback(next, today, sex);
    if (verdict.result?.valid) onValid?.(verdict.result);
  };

  return (
    <div>
      <Input
        id={id}
        size="large"
        value={value}
        status={feedback.status === 'error' ? 'error' : undefined}
        placeholder={t('idNumber.placeholder')}
        aria-label={t('idNumber.label')}
        aria-invalid={feedback.status === 'error'}
        aria-describedby={`${id}-feedback`}
        maxLength={24}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        style={{ fontFamily: 'monospace', letterSpacing: 1 }}
        onChange={(e) => handleChange(e.target.value)}
      />
      <Typography.Text
        id={`${id}-feedback`}
        data-testid="id-number-feedback"
        data-status={feedback.status || 'typing'}
        type={feedback.status === 'error' ? 'danger' : feedback.status === 'success' ? 'success' : 'secondary'}
        role={feedback.status === 'error' ? 'alert' : 'status'}
        style={{ display: 'block', minHeight: 22, marginTop: 4 }}
      >
        {feedback.message}
      </Typography.Text>
    </div>
  );
}
