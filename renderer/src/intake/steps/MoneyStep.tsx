import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../common/cases/application';
import { eligibilityHint } from '../../../../common/cases/eligibility';
import { ASSET_KINDS, EXCLUDED_INCOME_KINDS, INCOME_CATEGORIES } from '../../../../common/cases/household';
import { findStandard } from '../../../../common/cases/settings';
import { chineseDate } from '../../../../common/format/dates';
import { formatYuan, parseYuan } from '../../../../common/format/money';
import { call } from '../../api/client';
import { isFormEnter } from '../../components/formEnter';

/** The schema's ceiling for one amount (fenSchema in common/cases/household.ts). */
const MAX_ITEM_FEN = 100_000_000_00;

type Category = Application['income'][number]['category'];
type AssetKind = Application['assets'][number]['kind'];

/** Step 4: monthly income by the four categories (and the kinds not counted), deductions, assets; the eligibility hint with its arithmetic. */
export function MoneyStep({ app, update }: { app: Application; update: (change: (a: Application) => Application) => void }) {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: ['cases.settings'], queryFn: () => call('cases.settings', {}) });
  const [line, setLine] = useState<{ member?: string; category: Category; amount: string }>({
    member: app.members[0]?.idNumber,
    category: 'wages',
    amount: '',
  });
  const [asset, setAsset] = useState<{ kind: AssetKind; amount: string; exempt: boolean }>({ kind: 'deposit', amount: '', exempt: false });
  const [error, setError] = useState<string | null>(null);
  const nameOf = (id: string) => app.members.find((m) => m.idNumber === id)?.name ?? id;

  const addIncome = () => {
    const fen = parseYuan(line.amount);
    if (fen === null || fen > MAX_ITEM_FEN || !line.member) return setError(t('intake.badAmount'));
    update((a) => ({ ...a, income: [...a.income, { memberIdNumber: line.member!, category: line.category, monthlyFen: fen }] }));
    setLine({ ...line, amount: '' });
    setError(null);
  };
  const addAsset = () => {
    const fen = parseYuan(asset.amount);
    if (fen === null || fen > MAX_ITEM_FEN) return setError(t('intake.badAmount'));
    update((a) => ({ ...a, assets: [...a.assets, { kind: asset.kind, valueFen: fen, exempt: asset.exempt }] }));
    setAsset({ ...asset, amount: '' });
    setError(null);
  };

  let hint: ReturnType<typeof eligibilityHint> | null = null;
  // The standard in force today: the county's published one (with its version and day) or the admin's local one.
  const std = settings.data
    ? findStandard(settings.data.standards, settings.data.regionCode, settings.data.today, app.subtype === 'rural' ? 'rural' : 'urban')
    : null;
  if (std && app.members.length > 0)
    hint = eligibilityHint({
      members: app.members,
      income: app.income,
      deductionsFen: app.deductions.reduce((x, d) => x + d.monthlyFen, 0),
      standardFen: std.monthlyFen,
    });

  return (
    <Card data-testid="step-money">
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('intake.income')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={app.income}
            locale={{ emptyText: t('intake.noLines') }}
            data-testid="income-table"
            columns={[
              { title: t('intake.incomeMember'), dataIndex: 'memberIdNumber', render: (v: string) => nameOf(v) },
              { title: t('intake.incomeCategory'), dataIndex: 'category', render: (v: Category) => t(`cases.income.${v}`) },
              { title: t('intake.amountYuan'), dataIndex: 'monthlyFen', render: (v: number) => formatYuan(v) },
              {
                title: '',
                key: 'x',
                render: (_: unknown, item) => (
                  <Button size="small" onClick={() => update((a) => ({ ...a, income: a.income.filter((x) => x !== item) }))}>
                    {t('intake.removeMember')}
                  </Button>
                ),
              },
            ]}
          />
          <Space
            wrap
            style={{ marginTop: 8 }}
            onKeyDown={(e) => isFormEnter(e) && (e.target as HTMLInputElement).id === 'income-amount' && addIncome()}
          >
            <Select
              aria-label={t('intake.incomeMember')}
              style={{ width: 110 }}
              value={line.member}
              onChange={(v) => setLine({ ...line, member: v })}
              options={app.members.map((m) => ({ value: m.idNumber, label: m.name }))}
            />
            <Select
              aria-label={t('intake.incomeCategory')}
              style={{ width: 230 }}
              value={line.category}
              onChange={(v) => setLine({ ...line, category: v })}
              options={[...INCOME_CATEGORIES, ...EXCLUDED_INCOME_KINDS].map((c) => ({ value: c, label: t(`cases.income.${c}`) }))}
            />
            <Input
              id="income-amount"
              aria-label={t('intake.amountYuan')}
              placeholder={t('intake.amountYuan')}
              style={{ width: 120 }}
              value={line.amount}
              onChange={(e) => (setLine({ ...line, amount: e.target.value }), setError(null))}
              autoFocus
            />
            <Button onClick={addIncome} data-testid="add-income">
              {t('intake.addIncome')}
            </Button>
          </Space>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('intake.assets')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={app.assets}
            locale={{ emptyText: t('intake.noLines') }}
            columns={[
              { title: t('intake.assetKind'), dataIndex: 'kind', render: (v: AssetKind) => t(`cases.assets.${v}`) },
              { title: t('intake.amountYuan'), dataIndex: 'valueFen', render: (v: number) => formatYuan(v) },
              { title: t('intake.exempt'), dataIndex: 'exempt', render: (v: boolean) => (v ? t('intake.yes') : t('intake.no')) },
            ]}
          />
          <Space wrap style={{ marginTop: 8 }}>
            <Select
              aria-label={t('intake.assetKind')}
              style={{ width: 160 }}
              value={asset.kind}
              onChange={(v) => setAsset({ ...asset, kind: v })}
              options={ASSET_KINDS.map((k) => ({ value: k, label: t(`cases.assets.${k}`) }))}
            />
            <Input
              aria-label={`${t('intake.assets')}${t('intake.amountYuan')}`}
              placeholder={t('intake.amountYuan')}
              style={{ width: 140 }}
              value={asset.amount}
              onChange={(e) => (setAsset({ ...asset, amount: e.target.value }), setError(null))}
            />
            <Checkbox checked={asset.exempt} onChange={(e) => setAsset({ ...asset, exempt: e.target.checked })}>
              {t('intake.exempt')}
            </Checkbox>
            <Button onClick={addAsset}>{t('intake.addAsset')}</Button>
          </Space>
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="money-error" />}
        </Col>
        <Col xs={24} lg={10}>
          <Alert
            type={hint ? (hint.band === 'above' ? 'info' : 'success') : 'warning'}
            showIcon
            data-testid="eligibility"
            data-band={hint?.band ?? 'none'}
            message={t('intake.eligibility')}
            description={
              hint && std ? (
                <>
                  <ol style={{ margin: 0, paddingLeft: 20 }}>
                    {hint.steps.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ol>
                  <Typography.Text type="secondary" data-testid="eligibility-standard">
                    {t('intake.standardUsed', {
                      amount: formatYuan(std.monthlyFen),
                      source:
                        std.version !== undefined && std.effectiveFrom
                          ? t('countySettings.standards.fromPlatform', {
                              version: std.version,
                              effectiveFrom: chineseDate(std.effectiveFrom),
                            })
                          : t('countySettings.standards.fromLocal', { year: std.year }),
                    })}
                  </Typography.Text>
                </>
              ) : (
                t('intake.noStandard')
              )
            }
          />
        </Col>
      </Row>
    </Card>
  );
}
