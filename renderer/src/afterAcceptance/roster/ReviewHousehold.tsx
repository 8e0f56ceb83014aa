import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCLUDED_INCOME_KINDS, INCOME_CATEGORIES, type IncomeItem, type Member } from '../../../../common/cases/household';
import { formatYuan } from '../../../../common/format/money';
import { maskIdNumber } from '../../../../common/format/mask';
import { call } from '../../api/client';
import { ReviewAddMember } from './ReviewAddMember';
import type { ReviewViewData } from './ReviewDrawer';

type Review = NonNullable<ReviewViewData['review']>;
const CATEGORIES = [...INCOME_CATEGORIES, ...EXCLUDED_INCOME_KINDS];
/** Why a member leaves the household; the reason is written into the review's findings. */
export const REMOVAL_REASONS = ['death', 'moved_out', 'split', 'other'] as const;
type RemovalReason = (typeof REMOVAL_REASONS)[number];
interface Removal {
  member: Member;
  reason: RemovalReason;
  income: IncomeItem[];
}

/** Step 1: the household's current facts and income as found, then per-capita income against the local standard. */
export function ReviewHousehold({ view, review, onSaved }: { view: ReviewViewData; review: Review; onSaved: (v: ReviewViewData) => void }) {
  const { t } = useTranslation();
  const [members, setMembers] = useState<Member[]>(view.household.members);
  const [income, setIncome] = useState<IncomeItem[]>(view.household.income);
  const [findings, setFindings] = useState(review.findings);
  const [removals, setRemovals] = useState<Removal[]>([]);
  const [reasons, setReasons] = useState<Record<string, RemovalReason>>({});
  const removalLines = removals.map((r) =>
    t('reviews.household.removedLine', { name: r.member.name, reason: t(`reviews.household.removalReasons.${r.reason}`) }),
  );
  const save = useMutation({
    mutationFn: () =>
      call('reviews.recheck', {
        reviewId: review.id,
        version: review.version,
        household: { members, income, deductions: view.household.deductions, assets: view.household.assets },
        findings: [findings.trim(), ...removalLines].filter(Boolean).join('\n'),
      }),
    onSuccess: (v) => {
      setRemovals([]);
      setFindings(v.review?.findings ?? findings);
      onSaved(v);
    },
  });
  const remove = (m: Member) => {
    const reason = reasons[m.idNumber];
    if (!reason) return;
    setRemovals((rs) => [...rs, { member: m, reason, income: income.filter((x) => x.memberIdNumber === m.idNumber) }]);
    setMembers((ms) => ms.filter((x) => x.idNumber !== m.idNumber));
    setIncome((xs) => xs.filter((x) => x.memberIdNumber !== m.idNumber));
  };
  const undo = (r: Removal) => {
    setRemovals((rs) => rs.filter((x) => x !== r));
    setMembers((ms) => [...ms, r.member]);
    setIncome((xs) => [...xs, ...r.income]);
  };
  const member = (i: number, patch: Partial<Member>) => setMembers((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const line = (i: number, patch: Partial<IncomeItem>) => setIncome((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const e = view.eligibility;
  return (
    <Card
      size="small"
      title={t('reviews.steps.household')}
      data-testid="review-household"
      extra={review.rechecked ? <Tag color="green">{t('reviews.household.saved')}</Tag> : null}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{t('reviews.household.members')}</Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey="idNumber"
          dataSource={members}
          columns={[
            { title: t('reviews.household.name'), dataIndex: 'name' },
            { title: t('reviews.household.idNumber'), render: (_, m) => maskIdNumber(m.idNumber) },
            {
              title: t('reviews.household.labour'),
              render: (_, m, i) => (
                <Select
                  size="small"
                  style={{ width: 90 }}
                  aria-label={`${m.name}${t('reviews.household.labour')}`}
                  value={m.labourCapacity}
                  onChange={(v) => member(i, { labourCapacity: v })}
                  options={(['full', 'partial', 'none'] as const).map((k) => ({ value: k, label: t(`reviews.labour.${k}`) }))}
                />
              ),
            },
            {
              title: t('reviews.household.employed'),
              render: (_, m, i) => (
                <Checkbox
                  aria-label={`${m.name}${t('reviews.household.employed')}`}
                  checked={m.employed}
                  onChange={(ev) => member(i, { employed: ev.target.checked })}
                />
              ),
            },
            {
              title: t('reviews.household.student'),
              render: (_, m, i) => (
                <Checkbox
                  aria-label={`${m.name}${t('reviews.household.student')}`}
                  checked={m.student}
                  onChange={(ev) => member(i, { student: ev.target.checked })}
                />
              ),
            },
            {
              title: t('reviews.household.remove'),
              render: (_, m) =>
                m.relationship === 'self' ? null : (
                  <Space size="small">
                    <Select
                      size="small"
                      style={{ width: 110 }}
                      aria-label={`${m.name}${t('reviews.household.removalReason')}`}
                      placeholder={t('reviews.household.removalReason')}
                      value={reasons[m.idNumber]}
                      onChange={(v) => setReasons((rs) => ({ ...rs, [m.idNumber]: v }))}
                      options={REMOVAL_REASONS.map((k) => ({ value: k, label: t(`reviews.household.removalReasons.${k}`) }))}
                    />
                    <Button
                      size="small"
                      danger
                      disabled={!reasons[m.idNumber]}
                      aria-label={`${t('reviews.household.remove')}${m.name}`}
                      onClick={() => remove(m)}
                      data-testid={`review-remove-${m.idNumber}`}
                    >
                      {t('reviews.household.remove')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
        {removals.map((r) => (
          <Space key={r.member.idNumber} data-testid={`review-removed-${r.member.idNumber}`}>
            <Typography.Text type="warning">
              {t('reviews.household.removedLine', { name: r.member.name, reason: t(`reviews.household.removalReasons.${r.reason}`) })}
            </Typography.Text>
            <Button size="small" onClick={() => undo(r)}>
              {t('reviews.household.undoRemove')}
            </Button>
          </Space>
        ))}
        <ReviewAddMember members={members} onAdd={(m) => setMembers((ms) => [...ms, m])} />
        <Typography.Text strong>{t('reviews.household.income')}</Typography.Text>
        {income.map((x, i) => (
          <Space key={i} data-testid={`review-income-${i}`}>
            <Select
              size="small"
              style={{ width: 120 }}
              aria-label={`${t('reviews.household.incomeMember')}${i + 1}`}
              value={x.memberIdNumber}
              onChange={(v) => line(i, { memberIdNumber: v })}
              options={members.map((m) => ({ value: m.idNumber, label: m.name }))}
            />
            <Select
              size="small"
              style={{ width: 150 }}
              aria-label={`${t('reviews.household.incomeCategory')}${i + 1}`}
              value={x.category}
              onChange={(v) => line(i, { category: v })}
              options={CATEGORIES.map((c) => ({ value: c, label: t(`reviews.incomeCategories.${c}`) }))}
            />
            <InputNumber
              size="small"
              min={0}
              precision={2}
              aria-label={`${t('reviews.household.monthly')}${i + 1}`}
              value={x.monthlyFen / 100}
              onChange={(v) => line(i, { monthlyFen: Math.round(Number(v ?? 0) * 100) })}
            />
            <Button size="small" onClick={() => setIncome((xs) => xs.filter((_, j) => j !== i))}>
              {t('reviews.household.removeIncome')}
            </Button>
          </Space>
        ))}
        <Button
          size="small"
          onClick={() => setIncome((xs) => [...xs, { memberIdNumber: members[0]!.idNumber, category: 'wages', monthlyFen: 0 }])}
          data-testid="review-add-income"
        >
          {t('reviews.household.addIncome')}
        </Button>
        <Typography.Text strong>{t('reviews.household.assets')}</Typography.Text>
        <Typography.Text>
          {view.household.assets.map((a) => `${t(`reviews.assetKinds.${a.kind}`)} ${formatYuan(a.valueFen)}`).join('；') || '—'}
        </Typography.Text>
        <Typography.Text strong>{t('reviews.household.findings')}</Typography.Text>
        <Input.TextArea
          rows={2}
          aria-label={t('reviews.household.findings')}
          placeholder={t('reviews.household.findingsPlaceholder')}
          value={findings}
          onChange={(ev) => setFindings(ev.target.value)}
        />
        <Button
          type="primary"
          disabled={!findings.trim() && removalLines.length === 0}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="review-save-household"
        >
          {t('reviews.household.save')}
        </Button>
        {save.error && <Alert type="error" showIcon role="alert" title={save.error.message} />}
        <Card size="small" type="inner" title={t('reviews.eligibility.title')} data-testid="review-eligibility" data-band={e?.band ?? ''}>
          {e ? (
            <Space orientation="vertical">
              <Space>
                <span>{t('reviews.eligibility.perCapita', { amount: formatYuan(e.perCapitaFen) })}</span>
                <span>{t('reviews.eligibility.standard', { year: e.standardYear, amount: formatYuan(e.standardFen) })}</span>
                <Tag color={e.band === 'below_standard' ? 'green' : e.band === 'marginal' ? 'orange' : 'red'}>
                  {t(`reviews.eligibility.bands.${e.band}`)}
                </Tag>
              </Space>
              {e.steps.map((s) => (
                <Typography.Text key={s} type="secondary">
                  {s}
                </Typography.Text>
              ))}
            </Space>
          ) : (
            t('reviews.eligibility.none')
          )}
        </Card>
      </Space>
    </Card>
  );
}
