import { Alert, Button, Card, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../common/cases/application';
import { ageOn } from '../../../../common/cases/age';
import { LEGAL_MARRIAGE_AGE, labourCapacityByAge, relationshipByAge, spouseProblem } from '../../../../common/cases/memberRules';
import { EXCLUSION_REASONS, RELATIONSHIPS, type Member } from '../../../../common/cases/household';
import { checkIdNumber } from '../../../../common/idnumber/check';
import { localIsoDate } from '../../../../common/format/dates';
import { maskIdNumber } from '../../../../common/format/mask';
import { isFormEnter } from '../../components/formEnter';
import { IdNumberInput } from '../../components/IdNumberInput';
import { MemberFactChecks } from '../../components/MemberFactChecks';
import { readCard, readFailedMessage } from '../../idcard/readCard';
import { useF2 } from '../../idcard/useF2';
import type { Problems } from '../useIntakeDraft';

interface Draft {
  idNumber: string;
  name: string;
  sex?: '男' | '女';
  birthDate: string;
  /** None until the ages suggest one or the clerk chooses: a wrong default is how a child became a 配偶. */
  relationship: Member['relationship'] | undefined;
  seriousIllness: boolean;
  student: boolean;
  employed: boolean;
  labourCapacity: Member['labourCapacity'];
  excluded?: Member['excluded'];
}
const EMPTY: Draft = {
  idNumber: '',
  name: '',
  birthDate: '',
  relationship: undefined,
  seriousIllness: false,
  student: false,
  employed: false,
  labourCapacity: 'full',
};

/**
 * Step 2: household members, each read from a card or typed and checked; duplicates, a second 配偶
 * and a 配偶 under the legal marriage age refused at once. The relationship and the labour
 * capacity start from the ages (memberRules); Enter in a text field adds, Enter in an open list
 * only chooses.
 */
export function MembersStep({
  app,
  update,
  onCardPhoto,
  problems = [],
}: {
  app: Application;
  /** Core's problems of the saved draft: those on a member's relationship are shown in its row. */
  problems?: Problems;
  update: (change: (a: Application) => Application) => void;
  /** The card's photo (a vendor decoder made it), kept for the face match at the authorization. */
  onCardPhoto?: (idNumber: string, bmpBase64: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [relationError, setRelationError] = useState<string | null>(null);
  const today = localIsoDate(new Date());
  const self = app.members.find((m) => m.relationship === 'self');

  /** A new person's birth date and sex are known: the relationship and the labour capacity follow the ages. */
  const withAgeDefaults = (d: Draft, birthDate: string | undefined, sex: Draft['sex']): Draft => {
    if (!birthDate || !sex || birthDate > today) return d;
    return {
      ...d,
      relationship: relationshipByAge({ birthDate, sex }, self, app.members, today) ?? d.relationship,
      labourCapacity: labourCapacityByAge(ageOn(birthDate, today)),
    };
  };

  const add = (d: Draft) => {
    const r = checkIdNumber(d.idNumber, { today, ...(d.sex ? { sex: d.sex } : {}) });
    if (!r.valid) return setError(t(`idNumber.${r.problems[0]!}`));
    if (!d.name.trim()) return setError(t('intake.nameMissing'));
    if (app.members.some((m) => m.idNumber === r.idNumber))
      return setError(
        t('cases.problem.MEMBER_TWICE', {
          who: d.name,
          first: app.members.findIndex((m) => m.idNumber === r.idNumber) + 1,
          second: app.members.length + 1,
        }),
      );
    const birthDate = r.birthDate ?? d.birthDate;
    const sex = r.sex ?? d.sex ?? '男';
    if (!d.relationship) return setRelationError(t('intake.relationshipMissing'));
    const spouse = d.relationship === 'spouse' ? spouseProblem({ birthDate, sex }, self, app.members, today) : null;
    if (spouse)
      return setRelationError(
        t(`cases.problem.${spouse}`, { who: d.name.trim(), men: LEGAL_MARRIAGE_AGE['男'], women: LEGAL_MARRIAGE_AGE['女'] }),
      );
    const member: Member = {
      idNumber: r.idNumber,
      name: d.name.trim(),
      sex,
      birthDate,
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
    setRelationError(null);
    document.getElementById('member-id')?.focus();
  };

  const readLabel = `${t('intake.readMember')}（F2）`;
  const doRead = async () => {
    try {
      const r = await readCard();
      onCardPhoto?.(r.card.idNumber, r.photo.bmpBase64);
      const next = withAgeDefaults(
        { ...draft, idNumber: r.card.idNumber, name: r.card.name, sex: r.card.sex, birthDate: r.card.birthDate },
        r.card.birthDate,
        r.card.sex,
      );
      setDraft(next);
      setError(null);
      // The card filled the number and the name: the cursor goes to what is still empty, else to 添加.
      setTimeout(
        () =>
          (next.relationship
            ? document.querySelector<HTMLElement>('[data-testid="add-member"]')
            : document.querySelector<HTMLElement>('[data-testid="member-relationship"] input')
          )?.focus(),
        0,
      );
    } catch (e) {
      setError(readFailedMessage(t, e, readLabel));
    }
  };
  useF2(() => void doRead());

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
          {
            title: t('intake.relationship'),
            dataIndex: 'relationship',
            render: (v: Member['relationship'], _: Member, i: number) => {
              const problem = problems.find((p) => p.path === `members.${i}.relationship`);
              return (
                <>
                  {t(`cases.relationships.${v}`)}
                  {problem && (
                    <Typography.Text type="danger" style={{ display: 'block' }} data-testid={`member-problem-${i}`}>
                      {t(`cases.problem.${problem.code}`, problem.params)}
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
          { title: t('intake.birthDate'), dataIndex: 'birthDate' },
          {
            title: '',
            key: 'remove',
            render: (_: unknown, m: Member) =>
              m.relationship === 'self' ? null : (
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    update((a) => ({
                      ...a,
                      members: a.members.filter((x) => x !== m),
                      income: a.income.filter((i) => i.memberIdNumber !== m.idNumber),
                    }))
                  }
                >
                  {t('intake.removeMember')}
                </Button>
              ),
          },
        ]}
      />
      <Form
        layout="vertical"
        style={{ marginTop: 12 }}
        onKeyDown={(e) => {
          if (isFormEnter(e)) {
            e.preventDefault();
            add(draft);
          }
        }}
      >
        <Space wrap align="start" size="middle">
          <Form.Item label={t('idNumber.label')} htmlFor="member-id" style={{ marginBottom: 8 }}>
            <div data-testid="member-id" style={{ width: 300 }}>
              <IdNumberInput
                id="member-id"
                value={draft.idNumber}
                autoFocus
                onChange={(v) => setDraft((d) => ({ ...d, idNumber: v }))}
                onValid={(f) => {
                  setRelationError(null);
                  setDraft((d) =>
                    withAgeDefaults(
                      { ...d, idNumber: f.idNumber, ...(f.sex ? { sex: f.sex } : {}), ...(f.birthDate ? { birthDate: f.birthDate } : {}) },
                      f.birthDate,
                      f.sex,
                    ),
                  );
                }}
              />
            </div>
          </Form.Item>
          <Form.Item label={t('intake.name')} htmlFor="member-name" style={{ marginBottom: 8 }}>
            <Input
              id="member-name"
              value={draft.name}
              maxLength={30}
              style={{ width: 140 }}
              onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
            />
          </Form.Item>
          <div data-testid="member-relationship">
            <Form.Item
              label={t('intake.relationship')}
              validateStatus={relationError ? 'error' : undefined}
              help={relationError ?? undefined}
              style={{ marginBottom: 8 }}
            >
              <Select
                aria-label={t('intake.relationship')}
                style={{ width: 140 }}
                value={draft.relationship}
                status={relationError ? 'error' : undefined}
                onChange={(v) => {
                  setRelationError(null);
                  setDraft((d) => ({ ...d, relationship: v }));
                }}
                options={RELATIONSHIPS.filter((r) => r !== 'self').map((r) => ({ value: r, label: t(`cases.relationships.${r}`) }))}
              />
            </Form.Item>
          </div>
          <Form.Item label={t('intake.labourCapacity')} style={{ marginBottom: 8 }}>
            <Radio.Group
              data-testid="member-labour"
              value={draft.labourCapacity}
              onChange={(e) => setDraft((d) => ({ ...d, labourCapacity: e.target.value as Member['labourCapacity'] }))}
            >
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
          <Button type="primary" onClick={() => add(draft)} data-testid="add-member">
            {t('intake.addMember')}
          </Button>
          <Button onClick={() => void doRead()} data-testid="read-member">
            {readLabel}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="member-error" />}
      </Form>
    </Card>
  );
}
