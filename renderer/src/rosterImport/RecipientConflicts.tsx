import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { rolesGrant } from '../../../common/contract/permissions';
import { call } from '../api/client';
import { useSession } from '../session/useSession';

/**
 * 同步中心: households of the platform's roster (pulled `roster.recipient` items) not written here
 * because a member is on this station's roster already, each with its reason. Shown to the station
 * head (roster.import), who settles them with the county, only when there is one.
 */
export function RecipientConflicts({ refreshKey }: { refreshKey?: unknown }) {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = session.data ? rolesGrant(session.data.roles, 'roster.import') : false;
  const list = useQuery({
    queryKey: ['rosterImport.recipientConflicts', refreshKey],
    queryFn: () => call('rosterImport.recipientConflicts', {}),
    enabled: allowed,
  });
  if (list.error) return <Alert type="error" showIcon message={list.error.message} />;
  if (!allowed || !list.data || list.data.rows.length === 0) return null;
  return (
    <Card title={t('rosterImport.recipientConflicts.title')} data-testid="roster-recipient-conflicts">
      <Alert type="warning" showIcon message={t('rosterImport.recipientConflicts.hint')} style={{ marginBottom: 8 }} />
      <Table
        rowKey={(r) => `${r.idNumberMasked}-${r.receivedAt}`}
        size="small"
        pagination={false}
        dataSource={list.data.rows}
        columns={[
          { title: t('rosterImport.recipientConflicts.columns.name'), dataIndex: 'name' },
          { title: t('rosterImport.recipientConflicts.columns.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('rosterImport.recipientConflicts.columns.reason'), render: (_, r) => <span data-code={r.code}>{r.message}</span> },
          {
            title: t('rosterImport.recipientConflicts.columns.receivedAt'),
            render: (_, r) => new Date(r.receivedAt).toLocaleString('zh-CN'),
          },
        ]}
      />
    </Card>
  );
}
