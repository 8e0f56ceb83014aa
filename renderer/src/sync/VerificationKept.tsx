import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerificationKeptRow } from '../../../common/contract/methods/verification';
import { call } from '../api/client';
import { useMayCall } from '../components/useMayCall';

/**
 * 同步中心: the 核对 reports the platform sent for a case this station does not hold, kept aside
 * until the case arrives — the case number, the household masked, the report, the reason and what
 * to do. Shown to whoever may read them (verification.kept: the caseworker and the station head),
 * only when there is one; refreshed after each sync, so a report applied since drops out.
 */
export function VerificationKept({ refreshKey }: { refreshKey?: unknown }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const allowed = may('verification.kept');
  const list = useQuery({ queryKey: ['verification.kept', refreshKey], queryFn: () => call('verification.kept', {}), enabled: allowed });
  if (!allowed) return null;
  if (list.isError) return <Alert type="error" showIcon message={list.error.message} />;
  if (!list.data || list.data.rows.length === 0) return null;
  return (
    <Card title={t('verification.kept.title')} data-testid="verification-kept">
      <Alert type="warning" showIcon message={t('verification.kept.hint')} style={{ marginBottom: 8 }} />
      <Table<VerificationKeptRow>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={list.data.rows}
        columns={[
          {
            title: t('verification.kept.columns.caseNo'),
            render: (_, r) =>
              r.caseNo ? (
                <span data-verbatim>{r.caseNo}</span>
              ) : (
                <Typography.Text type="secondary">{t('verification.kept.noCaseNo')}</Typography.Text>
              ),
          },
          {
            title: t('verification.kept.columns.household'),
            render: (_, r) => (
              <span data-verbatim>{t('verification.kept.household', { household: r.householdMasked, count: r.members })}</span>
            ),
          },
          {
            title: t('verification.kept.columns.report'),
            render: (_, r) => <span data-verbatim>{t('verification.kept.report', { centre: r.centre, reportNo: r.reportNo })}</span>,
          },
          { title: t('verification.kept.columns.issuedOn'), dataIndex: 'issuedOn' },
          { title: t('verification.kept.columns.receivedAt'), render: (_, r) => new Date(r.receivedAt).toLocaleString('zh-CN') },
          { title: t('verification.kept.columns.reason'), render: (_, r) => <span data-code={r.code}>{r.reason}</span> },
          { title: t('verification.kept.columns.advice'), dataIndex: 'advice' },
        ]}
      />
    </Card>
  );
}
