import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { rolesGrant } from '../../../common/contract/permissions';
import { call } from '../api/client';
import { useSession } from '../session/useSession';
import { chinaDateTime } from './labels';

/**
 * 同步中心: certifications made on the phone that the platform sent but this station could not
 * record (the person is not on its roster, the household was stopped …), each with its reason.
 * Shown to those who run sync (sync.run), only when there is one.
 */
export function RemoteKept({ refreshKey }: { refreshKey?: unknown }) {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = session.data ? rolesGrant(session.data.roles, 'sync.run') : false;
  const canRecord = session.data ? rolesGrant(session.data.roles, 'case.write') : false;
  const list = useQuery({
    queryKey: ['certification.remoteKept', refreshKey],
    queryFn: () => call('certification.remoteKept', {}),
    enabled: allowed,
  });
  const retry = useMutation({ mutationFn: () => call('certification.retryKept', {}), onSettled: () => void list.refetch() });
  const done = retry.data ? (
    <Alert type="info" showIcon data-testid="cert-remote-retried" message={t('certification.remote.kept.retried', retry.data)} />
  ) : null;
  if (!allowed || !list.data || list.data.rows.length === 0)
    return list.error ? <Alert type="error" showIcon message={list.error.message} /> : done;
  return (
    <Card
      title={t('certification.remote.kept.title')}
      data-testid="cert-remote-kept"
      extra={
        canRecord ? (
          <Button onClick={() => retry.mutate()} loading={retry.isPending} data-testid="cert-remote-retry">
            {t('certification.remote.kept.retry')}
          </Button>
        ) : null
      }
    >
      {retry.error ? <Alert type="error" showIcon message={retry.error.message} style={{ marginBottom: 8 }} /> : null}
      {done}
      <Alert type="warning" showIcon message={t('certification.remote.kept.hint')} style={{ marginBottom: 8 }} />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data.rows}
        columns={[
          { title: t('certification.remote.kept.columns.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('certification.remote.kept.columns.method'), render: (_, r) => t(`certification.remote.methods.${r.method}`) },
          { title: t('certification.remote.kept.columns.certifiedAt'), render: (_, r) => chinaDateTime(r.certifiedAt) },
          { title: t('certification.remote.kept.columns.reason'), render: (_, r) => <span data-code={r.code}>{r.message}</span> },
          { title: t('certification.remote.kept.columns.receivedAt'), render: (_, r) => new Date(r.receivedAt).toLocaleString('zh-CN') },
        ]}
      />
    </Card>
  );
}
