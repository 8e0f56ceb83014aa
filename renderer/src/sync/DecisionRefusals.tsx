import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { rolesGrant } from '../../../common/contract/permissions';
import { call } from '../api/client';
import { useSession } from '../session/useSession';

/**
 * 同步中心: decisions from the platform this station could not apply (a case at another step, a
 * proposal already decided …), each with its reason and whether the platform has received it back.
 * Shown to those who run sync (sync.run); the case page shows a case's own.
 */
export function DecisionRefusals({ refreshKey }: { refreshKey?: unknown }) {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = session.data ? rolesGrant(session.data.roles, 'sync.run') : false;
  const list = useQuery({ queryKey: ['decisions.refusals', refreshKey], queryFn: () => call('decisions.refusals', {}), enabled: allowed });
  if (!allowed || !list.data || list.data.rows.length === 0)
    return list.error ? <Alert type="error" showIcon message={list.error.message} /> : null;
  return (
    <Card title={t('decisionRefusals.title')} data-testid="decision-refusals">
      <Alert type="warning" showIcon message={t('decisionRefusals.hint')} style={{ marginBottom: 8 }} />
      <Table
        rowKey="decisionId"
        size="small"
        pagination={false}
        dataSource={list.data.rows}
        columns={[
          { title: t('decisionRefusals.columns.caseNo'), render: (_, r) => r.caseNo ?? r.caseId },
          { title: t('decisionRefusals.columns.kind'), render: (_, r) => t(`decisionRefusals.kinds.${r.kind}`) },
          { title: t('decisionRefusals.columns.reason'), render: (_, r) => <span data-code={r.code}>{r.message}</span> },
          { title: t('decisionRefusals.columns.receivedAt'), render: (_, r) => new Date(r.receivedAt).toLocaleString('zh-CN') },
          {
            title: t('decisionRefusals.columns.sent'),
            render: (_, r) => (
              <Tag
                color={r.sent === 'acknowledged' ? 'green' : r.sent === 'rejected' || r.sent === 'conflict' ? 'red' : 'blue'}
                data-sent={r.sent}
              >
                {t(`decisionRefusals.sent.${r.sent}`)}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
