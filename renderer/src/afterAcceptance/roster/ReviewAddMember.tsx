import { Alert, Button, Card, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONSHIPS, type Member } from '../../../../common/cases/household';
import { localIsoDate } from '../../../../common/format/dates';
import { checkIdNumber } from '../../../../common/idnumber/check';
import { IdNumberInput } from '../../components/IdNumberInput';
import { MemberFactChecks } from '../../components/MemberFactChecks';
import { readCard, readFailedMessage } from '../../idcard/readCard';
import { useF2 } from '../../idcard/useF2';

interface Draft {
  idNumber: string;
  name: string;
  sex?: '男' | '女';
  relationship: Member['relationship'];
  labourCapacity: Member['labourCapacity'];
  student: boolean;
  employed: boolean;
  seriousIllness: boolean;
}
const EMPTY: Draft = {
  idNumber: '',
  name: '',
  relationship: 'child',
  labourCapacity: 'full',
  student: false,
  employed: false,
  seriousIllness: false,
};

/**
 * Adds a member found by the review (a newborn, someone moved in): read from the ID card (button, or F2
 * while the form has focus; the intake's read and messages) or typed. The ID number is checked as typed
 * (common/idnumber), sex and birth date come from it, and a person already in the household is refused
 * with the intake's message, whether typed or read. Enter in a text field adds.
 */
export function ReviewAddMember({ members, onAdd }: { members: Member[]; onAdd: (m: Member) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const alreadyIn = (idNumber: string, who: string) => {
    const first = members.findIndex((m) => m.idNumber === idNumber);
    return first < 0 ? null : t('cases.problem.MEMBER_TWICE', { who, first: first + 1, second: members.length + 1 });
  };
  const read = async () => {
    if (reading) return;
    setReading(true);
    setError(null);
    try {
      const { card } = await readCard();
      const twice = alreadyIn(card.idNumber, card.name);
      if (twice) return setError(twice);
      setDraft((d) => ({ ...d, idNumber: card.idNumber, name: card.name, sex: card.sex }));
    } catch (e) {
      setError(readFailedMessage(t, e, t('reviews.household.readCard')));
    } finally {
      setReading(false);
    }
  };
  useF2(() => void read());
  const add = () => {
    const r = checkIdNumber(draft.idNumber, { today: localIsoDate(new Date()), ...(draft.sex ? { sex: draft.sex } : {}) });
    if (!r.valid) return setError(t(`idNumber.${r.problems[0]!}`));
    if (!draft.name.trim()) return setError(t('reviews.household.nameRequired'));
    const twice = alreadyIn(r.idNumber, draft.name.trim());
    if (twice) return setError(twice);
    onAdd({
      idNumber: r.idNumber,
      name: draft.name.trim(),
      sex: r.sex ?? draft.sex ?? '男',
      birthDate: r.birthDate ?? '',
      relationship: draft.relationship,
      seriousIllness: draft.seriousIllness,
      student: draft.student,
      labourCapacity: draft.labourCapacity,
      employed: draft.employed,
      coResident: true,
    });
    setDraft(EMPTY);
    setError(null);
    document.getElementById('review-member-id')?.focus();
  };
  return (
    <Card
      size="small"
      type="inner"
      title={t('reviews.household.addMemberTitle')}
      data-testid="review-add-member"
      extra={
        <Space>
          {reading && <span>{t('intake.reading')}</span>}
          <Button onClick={() => void read()} loading={reading} data-testid="review-read-card">
            {t('reviews.household.readCard')}
          </Button>
        </Space>
      }
      onKeyDown={(e) => {
        const el = e.target as HTMLInputElement;
        if (e.key === 'Enter' && el.tagName === 'INPUT' && el.type !== 'checkbox' && el.getAttribute('role') !== 'combobox') {
          e.preventDefault();
          add();
        }
      }}
    >
      <Space wrap align="end">
        <IdNumberInput
          id="review-member-id"
          value={draft.idNumber}
          onChange={(v) => setDraft((d) => ({ ...d, idNumber: v }))}
          onValid={(f) => setDraft((d) => ({ ...d, idNumber: f.idNumber, ...(f.sex ? { sex: f.sex } : {}) }))}
        />
        <Input
          style={{ width: 120 }}
          aria-label={t('intake.name')}
          placeholder={t('intake.name')}
          maxLength={30}
          value={draft.name}
          onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
        />
        <Select
          style={{ width: 140 }}
          aria-label={t('intake.relationship')}
          value={draft.relationship}
          onChange={(v) => setDraft((d) => ({ ...d, relationship: v }))}
          options={RELATIONSHIPS.filter((r) => r !== 'self').map((r) => ({ value: r, label: t(`cases.relationships.${r}`) }))}
        />
        <Select
          style={{ width: 100 }}
          aria-label={t('intake.labourCapacity')}
          value={draft.labourCapacity}
          onChange={(v) => setDraft((d) => ({ ...d, labourCapacity: v }))}
          options={(['full', 'partial', 'none'] as const).map((k) => ({ value: k, label: t(`reviews.labour.${k}`) }))}
        />
        <MemberFactChecks value={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
        <Button onClick={add} data-testid="review-add-member-button">
          {t('reviews.household.addMember')}
        </Button>
      </Space>
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon role="alert" title={error} data-testid="review-member-error" />}
    </Card>
  );
}
