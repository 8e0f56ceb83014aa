import { Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificationRecord } from '../../../common/contract/methods/certification';
import { chinaDateTime, OUTCOME_COLOURS, RESULT_COLOURS } from './labels';

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

/** One saved certification: result, outcome, scores, the clerk's confirmation or the proxy — never silent. */
export function RecordView({ record }: { record: CertificationRecord }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      title={t('certification.check.result')}
      data-testid="cert-result"
      data-result={record.result}
      data-outcome={record.outcome}
      data-method={record.method}
    >
      <Descriptions.Item label={t('certification.check.result')}>
        <Tag color={RESULT_COLOURS[record.result]} style={{ fontSize: 18, padding: '4px 10px' }}>
          {t(`certification.check.results.${record.result}`)}
        </Tag>
        <Tag color={OUTCOME_COLOURS[record.outcome]} data-testid="cert-outcome" style={{ fontSize: 18, padding: '4px 10px' }}>
          {t(`certification.check.outcomes.${record.outcome}`)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t(`certification.method.${record.method}`)}>
        {record.match || record.liveness
          ? t('certification.check.scores', {
              match: fmt(record.match?.score),
              live: `${fmt(record.liveness?.antispoof)} / ${fmt(record.liveness?.liveness)}`,
            })
          : null}
        {record.proxy ? `${record.proxy.name}（${record.proxy.relationship}，${record.proxy.idNumberMasked}）` : null}
      </Descriptions.Item>
      {record.confirmation ? (
        <Descriptions.Item label={t(`certification.check.${record.confirmation.decision}`)}>{record.confirmation.reason}</Descriptions.Item>
      ) : null}
      {record.homeVisit ? (
        <Descriptions.Item label={t('certification.proxy.visit')}>
          {record.homeVisit.visitedOn} · {record.homeVisit.staff.join('、')} · {record.homeVisit.findings}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('certification.columns.dueOn')}>
        <span data-testid="cert-next-due">{t('certification.check.saved', { date: record.nextDueOn })}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** How a certification was made: 窗口认证, 代办认证, or 手机认证（人脸识别，2026年11月30日 10:05）. */
export function methodText(t: ReturnType<typeof useTranslation>['t'], r: CertificationRecord): string {
  const method = t(`certification.method.${r.method}`);
  if (!r.remote) return method;
  return `${method}（${t('certification.remote.at', { method: t(`certification.remote.methods.${r.remote.method}`), at: chinaDateTime(r.remote.certifiedAt) })}）`;
}

/** Earlier certifications of the person, newest first. */
export function HistoryTable({ rows }: { rows: CertificationRecord[] }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      title={() => t('certification.check.history')}
      data-testid="cert-history"
      columns={[
        { title: t('certification.columns.last'), dataIndex: 'certifiedOn' },
        {
          title: t('certification.columns.method'),
          render: (_, r) => (
            <span data-testid="cert-history-method" data-method={r.method}>
              {methodText(t, r)}
            </span>
          ),
        },
        {
          title: t('certification.check.result'),
          render: (_, r) => <Tag color={RESULT_COLOURS[r.result]}>{t(`certification.check.results.${r.result}`)}</Tag>,
        },
        {
          title: t('certification.columns.status'),
          render: (_, r) => <Tag color={OUTCOME_COLOURS[r.outcome]}>{t(`certification.check.outcomes.${r.outcome}`)}</Tag>,
        },
      ]}
    />
  );
}
