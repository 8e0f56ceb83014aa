import { Alert, Button, Card, Form, Input, Radio, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../common/cases/application';
import { EXCLUSION_REASONS, RELATIONSHIPS, type Member } from '../../../../common/cases/household';
import { checkIdNumber } from '../../../../common/idnumber/check';
import { localIsoDate } from '../../../../common/format/dates';
import { maskIdNumber } from '../../../../common/format/mask';
import { IdNumberInput } from '../../components/IdNumberInput';
import { MemberFactChecks } from '../../components/MemberFactChecks';
import { readCard, readFailedMessage } from '../../idcard/readCard';

interface Draft {
  idNumber: string;
  name: string;
  sex?: '男' | '女';
  birthDate: string;
  relationship: Member['relationship'];
  seriousIllness: boolean;
  student: boolean;
  employed: boolean;
  labourCapacity: Member['labourCapacity'];
  excluded?: Member['excluded'];
}
const EMPTY: Draft = { idNumber: '', name: '', birthDate: '', relationship: 'spouse', seriousIllness: false, student: false, employed: false, labourCapacity: 'full' };

/** Step 2: household members, each read from a card or typed and checked; duplicates refused at once. */
export function MembersStep({
  app,
  update,
  registerF2,
  onCardPhoto,
}: {
  app: Application;
  update: (change: (a: Application) => Application) => void;
  registerF2: (fn: () => void) => void;
  /** The card's photo (a vendor decoder made it), kept for the face match at the authorization. */
  onCardPhoto?: (idNumber: string, bmpBase64: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const today = localIsoDate(new Date());

  const add = (d: Draft) => {
    const r = checkIdNumber(d.idNumber, { today, ...(d.sex ? { sex: d.sex } : {}) });
    if (!r.valid) return setError(t(`idNumber.${r.problems[0]!}`));
    if (!d.name.trim()) return setError(t('intake.nameMissing'));
    if (app.members.some((m) => m.idNumber === r.idNumber)) return setError(t('cases.problem.MEMBER_TWICE', { who: d.name, first: app.members.findIndex((m) => m.idNumber === r.idNumber) + 1, second: app.members.length + 1 }));
    const member: Member = {
      idNumber: r.idNumber,
      name: d.name.trim(),
      sex: r.sex ?? d.sex ?? '男',
      birthDate: r.birthDate ?? d.birthDate,
      relationship: d.relationship,
      seriousIllness: d.seriousIllness,
      student: d.student,
      labourCapacity: d.labourCapacity,
      employed: d.employed,
      coResident: true,
      ...(d.excluded ? { excluded: d.excluded } : {}),
    };
    update((a) => ({ ...a, members: [...a.members, member] }));
    setDraft(EMPTY);
    setError(null);
    document.getElementById('member-id')?.focus();
  };

  const doRead = async () => {
    try {
      const r = await readCard();
      onCardPhoto?.(r.card.idNumber, r.photo.bmpBase64);
      setDraft((d) => ({ ...d, idNumber: r.card.idNumber, name: r.card.name, sex: r.card.sex, birthDate: r.card.birthDate }));
      setError(null);
    } catch (e) {
      setError(readFailedMessage(t, e));
    }
  };
  useEffect(() => registerF2(() => void doRead()));

  return (
    <Card data-testid="step-members">
      <Table
        size="small"
        rowKey="idNumber"
        pagination={false}
        dataSource={app.members}
        data-testid="member-table"
        footer={() => t('intake.memberCount', { count: app.members.length })}
        columns={[
          { title: t('intake.name'), dataIndex: 'name' },
          { title: t('idNumber.label'), dataIndex: 'idNumber', render: (v: string) => maskIdNumber(v) },
          { title: t('intake.relationship'), dataIndex: 'relationship', render: (v: Member['relationship']) => t(`cases.relationships.${v}`) },
          { title: t('intake.birthDate'), dataIndex: 'birthDate' },
          {
            title: '',
            key: 'remove',
            render: (_: unknown, m: Member) =>
              m.relationship === 'self' ? null : (
                <Button size="small" danger onClick={() => update((a) => ({ ...a, members: a.members.filter((x) => x !== m), income: a.income.filter((i) => i.memberIdNumber !== m.idNumber) }))}>
                  {t('intake.removeMember')}
                </Button>
              ),
          },
        ]}
      />
      <Form
        layout="vertical"
        style={{ marginTop: 16, maxWidth: 720 }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.altKey && (e.target as HTMLElement).tagName === 'INPUT' && (e.target as HTMLInputElement).type !== 'checkbox') {
            e.preventDefault();
            add(draft);
          }
        }}
      >
        <Space>
          <Button onClick={() => void doRead()} data-testid="read-member">
            {t('intake.readMember')} (F2)
          </Button>
        </Space>
        <Form.Item label={t('idNumber.label')} htmlFor="member-id" style={{ marginTop: 8 }}>
          <div data-testid="member-id">
            <IdNumberInput id="member-id" value={draft.idNumber} autoFocus onChange={(v) => setDraft((d) => ({ ...d, idNumber: v }))} onValid={(f) => setDraft((d) => ({ ...d, idNumber: f.idNumber, ...(f.sex ? { sex: f.sex } : {}), ...(f.birthDate ? { birthDate: f.birthDate } : {}) }))} />
          </div>
        </Form.Item>
        <Space wrap align="end">
          <Form.Item label={t('intake.name')} htmlFor="member-name">
            <Input id="member-name" value={draft.name} maxLength={30} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} />
          </Form.Item>
          <Form.Item label={t('intake.relationship')}>
            <Select
              aria-label={t('intake.relationship')}
              style={{ width: 140 }}
              value={draft.relationship}
              onChange={(v) => setDraft((d) => ({ ...d, relationship: v }))}
              options={RELATIONSHIPS.filter((r) => r !== 'self').map((r) => ({ value: r, label: t(`cases.relationships.${r}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('intake.labourCapacity')}>
            <Radio.Group value={draft.labourCapacity} onChange={(e) => setDraft((d) => ({ ...d, labourCapacity: e.target.value as Member['labourCapacity'] }))}>
              {(['full', 'partial', 'none'] as const).map((l) => (
                <Radio key={l} value={l}>
                  {t(`cases.labour.${l}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </Space>
        <Space wrap>
          <MemberFactChecks value={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
          <Select
            aria-label={t('intake.excluded')}
            allowClear
            placeholder={t('intake.excluded')}
            style={{ width: 260 }}
            value={draft.excluded}
            onChange={(v) => setDraft((d) => ({ ...d, excluded: v }))}
            options={EXCLUSION_REASONS.map((r) => ({ value: r, label: t(`cases.exclusion.${r}`) }))}
          />
        </Space>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="member-error" />}
        <div style={{ marginTop: 12 }}>
          <Button type="primary" onClick={() => add(draft)} data-testid="add-member">
            {t('intake.addMember')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
