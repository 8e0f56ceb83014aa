import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../common/cases/verification';
import { maskIdNumber } from '../../../common/format/mask';
import { formatYuan } from '../../../common/format/money';

type Report = NonNullable<VerificationView>;
type Item = Report['members'][number]['items'][number];

/**
 * The case page's 核对 results (家庭经济状况核对报告), shown before the 初审意见: per member the items
 * per data type (amount, source, the day the figure stands at), the member's and the household's
 * totals, the reports it superseded, and what the hint found against the declaration and the
 * county's limits — a hint for the staff; the county decides.
 */
export function VerificationPanel({ report }: { report: VerificationView }) {
  const { t } = useTranslation();
  if (!report) {
    return (
      <Card title={t('verification.title')} size="small" data-testid="verification-panel" data-state="none">
        <Typography.Text type="secondary">{t('verification.none')}</Typography.Text>
      </Card>
    );
  }
  const columns = [
    { title: t('verification.type'), dataIndex: 'type', render: (v: Item['type']) => t(`verification.types.${v}`) },
    {
      title: t('verification.amount'),
      dataIndex: 'amountFen',
      render: (v: number, i: Item) => (i.type === 'realEstate' || i.type === 'business' ? (v ? formatYuan(v) : '') : formatYuan(v)),
    },
    { title: t('verification.source'), dataIndex: 'source' },
    { title: t('verification.asOf'), dataIndex: 'asOf' },
    { title: t('verification.detail'), dataIndex: 'detail', render: (v: string | null) => v ?? '' },
  ];
  return (
    <Card title={t('verification.title')} size="small" data-testid="verification-panel" data-state="received" data-report={report.reportNo}>
      <Typography.Paragraph>
        {t('verification.report', { reportNo: report.reportNo, centre: report.centre, issuedOn: report.issuedOn })}
        {report.superseded.length > 0 && (
          <Typography.Text type="secondary">
            {' '}
            · {t('verification.superseded', { reportNos: report.superseded.map((s) => s.reportNo).join('、') })}
          </Typography.Text>
        )}
      </Typography.Paragraph>
      {report.members.map((m) => (
        <div key={m.idNumber} data-testid="verification-member" data-id-last4={m.idNumber.slice(-4)} style={{ marginBottom: 8 }}>
          <Descriptions size="small" column={2} title={`${t('verification.member')}：${m.name}（${maskIdNumber(m.idNumber)}）`}>
            <Descriptions.Item label={t('verification.count')}>
              {m.items.length === 0 ? t('verification.nothingFound') : m.items.length}
            </Descriptions.Item>
            <Descriptions.Item>
              {t('verification.memberTotal', { assets: formatYuan(m.assetsFen), income: formatYuan(m.incomeFen) })}
            </Descriptions.Item>
          </Descriptions>
          {m.items.length > 0 && (
            <Table
              size="small"
              pagination={false}
              rowKey={(i) => `${i.type}-${i.source}-${i.asOf}-${i.amountFen}-${i.detail ?? ''}`}
              dataSource={m.items}
              columns={columns}
            />
          )}
        </div>
      ))}
      <Typography.Paragraph strong data-testid="verification-totals">
        {t('verification.householdTotal', {
          deposits: formatYuan(report.totals.depositsFen),
          vehicles: formatYuan(report.totals.vehicleValueFen),
          estates: report.totals.realEstateCount,
          income: formatYuan(report.totals.incomeFen),
        })}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        message={t('verification.hintTitle')}
        description={
          <ul style={{ margin: 0 }}>
            {report.findings.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        }
        data-testid="verification-findings"
      />
    </Card>
  );
}
