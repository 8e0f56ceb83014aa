import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../common/cases/household';

type Facts = Pick<Member, 'seriousIllness' | 'student' | 'employed'>;

/** The member facts the rules need that are a plain yes/no (患重病, 在校学生, 有工作), as the intake and the review ask them. */
export function MemberFactChecks({ value, onChange }: { value: Facts; onChange: (patch: Partial<Facts>) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Checkbox checked={value.seriousIllness} onChange={(e) => onChange({ seriousIllness: e.target.checked })}>
        {t('intake.seriousIllness')}
      </Checkbox>
      <Checkbox checked={value.student} onChange={(e) => onChange({ student: e.target.checked })}>
        {t('intake.student')}
      </Checkbox>
      <Checkbox checked={value.employed} onChange={(e) => onChange({ employed: e.target.checked })}>
        {t('intake.employed')}
      </Checkbox>
    </>
  );
}
