import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsOverview, StatsTable } from '../../../common/contract/methods/stats';
import { formatYuan } from '../../../common/format/money';
import { call } from '../api/client';
import { Bars } from './Bars';
import { ExportButton } from './ExportButton';
import { RatingStatsCard } from '../ratings/RatingStatsCard';
import { AssistanceTable } from './AssistanceTable';

type Period = { from?: string; to?: string };
const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** A share of the period's total as a thin CSS bar. */
function ShareBar({ value }: { value: number | null }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <span style={{ display: 'inline-block', width: 90, height: 8, background: '#eef2f8', borderRadius: 4 }}>
        <span
          style={{ display: 'block', width: `${Math.round((value ?? 0) * 100)}%`, height: 8, background: '#1a56a8', borderRadius: 4 }}
        />
      </span>
      {percent(value)}
    </span>
  );
}

/** One statistics table: its title, its 导出 Excel button, a chart and the figures. */
function Section({ section, period, children }: { section: StatsTable; period: Period; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t(`stats.tables.${section}`)}
      extra={<ExportButton request={{ table: 'stats', section, ...period }} testId={`export-${section}`} />}
      data-testid={`stats-${section}`}
    >
      {children}
    </Card>
  );
}

/** Rows of a count table, each marked with its key for tests and screen readers. */
function CountTable<R extends { key: string; label: string; count: number }>({
  rows,
  total,
  keyTitle,
}: {
  rows: R[];
  total: number;
  keyTitle: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<R>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      locale={{ emptyText: t('stats.empty') }}
      onRow={(r) => ({ 'data-key': r.key }) as object}
      columns={[
        { title: keyTitle, dataIndex: 'label' },
        { title: t('stats.columns.count'), dataIndex: 'count', align: 'right' },
        { title: t('stats.columns.share'), render: (_, r) => <ShareBar value={total ? r.count / total : null} /> },
      ]}
    />
  );
}

/** 统计: the station's figures for a period, simple charts, and an Excel export per table. */
export function StatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const period: Period = {
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
  };
  const q = useQuery({ queryKey: ['stats.overview', period.from, period.to], queryFn: () => call('stats.overview', period) });
  const o: StatsOverview | undefined = q.data;
  const total = o?.total ?? 0;
  const byType = (o?.byType ?? []).map((r) => ({
    key: r.type ?? 'none',
    label: r.type ? t(`cases.typesShort.${r.type}`) : t('stats.noType'),
    count: r.count,
  }));
  const byState = (o?.byState ?? []).map((r) => ({ key: r.state, label: t(`cases.states.${r.state}`), count: r.count }));
  const byMonth = (o?.byMonth ?? []).map((r) => ({ key: r.month, label: r.month, count: r.count }));
  const byStaff = (o?.byStaff ?? []).map((r) => ({ key: r.staffId, label: r.staffName, count: r.count }));
  const bars = (rows: Array<{ label: string; count: number }>, testId: string) => (
    <Bars rows={rows.map((r) => ({ label: r.label, value: r.count }))} testId={testId} />
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="stats-page">
      <Card size="small">
        <Space wrap size="large" align="center">
          <Space direction="vertical" size={2}>
            <Typography.Text strong>{t('stats.period')}</Typography.Text>
            <DatePicker.RangePicker
              aria-label={t('stats.period')}
              allowEmpty={[true, true]}
              value={range}
              onChange={(v) => setRange(v)}
              placeholder={[t('stats.periodAll'), t('stats.periodAll')]}
            />
          </Space>
          <Statistic title={t('stats.total')} value={total} valueRender={() => <span data-testid="stats-total">{total}</span>} />
          <Typography.Text type="secondary">{t('stats.periodHint')}</Typography.Text>
        </Space>
      </Card>
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Section section="byType" period={period}>
            {bars(byType, 'chart-byType')}
            <CountTable rows={byType} total={total} keyTitle={t('stats.columns.type')} />
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section section="byState" period={period}>
            {bars(byState, 'chart-byState')}
            <CountTable rows={byState} total={total} keyTitle={t('stats.columns.state')} />
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section section="byMonth" period={period}>
            {bars(byMonth, 'chart-byMonth')}
            <CountTable rows={byMonth} total={total} keyTitle={t('stats.columns.month')} />
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section section="byStaff" period={period}>
            {bars(byStaff, 'chart-byStaff')}
            <CountTable rows={byStaff} total={total} keyTitle={t('stats.columns.staff')} />
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section section="decisionDays" period={period}>
            <Space size="large" wrap>
              <Statistic title={t('stats.columns.decisions')} value={o?.decisionDays.decisions ?? 0} />
              <Statistic title={t('stats.columns.approved')} value={o?.decisionDays.approved ?? 0} />
              <Statistic title={t('stats.columns.refused')} value={o?.decisionDays.refused ?? 0} />
              <Statistic
                title={t('stats.columns.mean')}
                value={o?.decisionDays.mean ?? '—'}
                valueRender={(v) => <span data-testid="stats-mean">{v}</span>}
              />
              <Statistic
                title={t('stats.columns.p90')}
                value={o?.decisionDays.p90 ?? '—'}
                valueRender={(v) => <span data-testid="stats-p90">{v}</span>}
              />
            </Space>
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section section="roster" period={period}>
            <Space size="large" wrap>
              <Statistic title={t('stats.columns.active')} value={o?.roster.active ?? 0} />
              <Statistic title={t('stats.columns.due')} value={o?.roster.due ?? 0} />
              <Statistic
                title={t('stats.columns.overdue')}
                value={o?.roster.overdue ?? 0}
                valueStyle={{ color: o?.roster.overdue ? '#cf1322' : undefined }}
              />
              <Statistic title={t('stats.columns.stopped')} value={o?.roster.stopped ?? 0} />
              <Statistic title={t('stats.columns.monthlyAmount')} value={formatYuan(o?.roster.monthlyAmountFen ?? 0, { grouping: true })} />
            </Space>
          </Section>
        </Col>
        <Col span={24}>
          <Section section="assistance" period={period}>
            <AssistanceTable assistance={o?.assistance} />
          </Section>
        </Col>
        <Col span={24}>
          <RatingStatsCard ratings={o?.ratings} period={period} />
        </Col>
        <Col span={24}>
          <Section section="deadlines" period={period}>
            <Table
              size="small"
              pagination={false}
              rowKey="kind"
              dataSource={o?.deadlines ?? []}
              onRow={(r) => ({ 'data-key': r.kind }) as object}
              columns={[
                { title: t('stats.columns.kind'), render: (_, r) => t(`stats.deadlineKinds.${r.kind}`) },
                { title: t('stats.columns.total'), dataIndex: 'total', align: 'right' },
                { title: t('stats.columns.metOnTime'), dataIndex: 'metOnTime', align: 'right' },
                { title: t('stats.columns.metLate'), dataIndex: 'metLate', align: 'right' },
                { title: t('stats.columns.overdueOpen'), dataIndex: 'overdueOpen', align: 'right' },
                { title: t('stats.columns.pending'), dataIndex: 'pending', align: 'right' },
                { title: t('stats.columns.onTimeShare'), render: (_, r) => <ShareBar value={r.share} /> },
              ]}
            />
          </Section>
        </Col>
      </Row>
    </Space>
  );
}
