import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Segmented, Space, Statistic, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useSession } from '../session/useSession';
import { CounterCheck, type CheckTarget } from './CounterCheck';
import { ProxyModal } from './ProxyModal';
import { RecordView } from './RecordView';
import type { CertificationRecord } from './types';
import { SettingsCard } from './SettingsCard';
import { STATUS_COLOURS } from './labels';
import { readCard as readIdCard, readFailedMessage } from '../idcard/readCard';
import { useF2 } from '../idcard/useF2';

type Filter = 'due' | 'overdue' | 'all';

/**
 * 资格认证: who must certify (due, overdue, everyone), and the counter check for one person —
 * chosen from the list or by reading their ID card (F2).
 */
export function CertificationPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('due');
  const [target, setTarget] = useState<CheckTarget | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  // 代办 straight from the list: the person is not here, so no camera is opened.
  const [proxyFor, setProxyFor] = useState<string | null>(null);
  const [proxySaved, setProxySaved] = useState<CertificationRecord | null>(null);
  const list = useQuery({
    queryKey: ['certification.due', filter],
    queryFn: () => call('certification.due', { filter }),
    enabled: target === null,
  });
  const session = useSession();
  const isAdmin = session.data?.roles.includes('admin') ?? false;

  const readCard = useCallback(async () => {
    setCardError(null);
    try {
      const read = await readIdCard();
      setTarget({ idNumber: read.card.idNumber, ...(read.photo.bmpBase64 ? { cardPhotoBmp: read.photo.bmpBase64 } : {}) });
    } catch (e) {
      setCardError(readFailedMessage(t, e, t('certification.readCard')));
    }
  }, [t]);

  useF2(() => void readCard(), target === null);

  if (target) return <CounterCheck target={target} onClose={() => setTarget(null)} />;

  const d = list.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="certification-page">
      {list.error ? <Alert type="error" showIcon title={list.error.message} /> : null}
      {cardError ? <Alert type="error" showIcon title={cardError} closable onClose={() => setCardError(null)} /> : null}
      <Card size="small">
        <Space size="large" wrap>
          <Statistic title={t('certification.filter.all')} value={d?.counts.persons ?? 0} />
          <Statistic title={t('certification.status.due')} value={d?.counts.due ?? 0} />
          <Statistic
            title={t('certification.status.overdue')}
            value={d?.counts.overdue ?? 0}
            styles={{ content: { color: d?.counts.overdue ? '#cf1322' : undefined } }}
          />
          <Button type="primary" onClick={() => void readCard()} data-testid="cert-read-card">
            {t('certification.readCard')}
          </Button>
        </Space>
      </Card>
      <Segmented<Filter>
        data-testid="cert-filter"
        value={filter}
        onChange={setFilter}
        options={(['due', 'overdue', 'all'] as const).map((value) => ({ value, label: t(`certification.filter.${value}`) }))}
      />
      <Table
        rowKey={(r) => `${r.rosterId}/${r.idNumber}`}
        size="small"
        loading={list.isLoading}
        dataSource={d?.rows ?? []}
        locale={{ emptyText: t('certification.empty') }}
        onRow={(r) => ({ 'data-testid': 'cert-row', 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('certification.columns.name'),
            render: (_, r) => `${r.name}${r.isApplicant ? `（${t('certification.applicant')}）` : ''}`,
          },
          { title: t('certification.columns.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('certification.columns.household'), dataIndex: 'applicantName' },
          { title: t('certification.columns.dueOn'), dataIndex: 'dueOn' },
          {
            title: t('certification.columns.status'),
            render: (_, r) => <Tag color={STATUS_COLOURS[r.status]}>{t(`certification.status.${r.status}`)}</Tag>,
          },
          { title: t('certification.columns.last'), render: (_, r) => r.lastCertifiedOn ?? t('certification.never') },
          {
            title: t('certification.columns.action'),
            render: (_, r) => (
              <Space size="small">
                <Button size="small" type="primary" onClick={() => setTarget({ idNumber: r.idNumber })}>
                  {t('certification.certify')}
                </Button>
                <Button size="small" onClick={() => setProxyFor(r.idNumber)} data-testid="cert-row-proxy">
                  {t('certification.proxy.short')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {isAdmin ? <SettingsCard /> : null}
      <ProxyModal
        open={proxyFor !== null}
        idNumber={proxyFor ?? ''}
        onCancel={() => setProxyFor(null)}
        onSaved={(record) => {
          setProxyFor(null);
          setProxySaved(record);
          void list.refetch();
        }}
      />
      <Modal
        open={proxySaved !== null}
        footer={null}
        onCancel={() => setProxySaved(null)}
        title={t('certification.check.result')}
        width={640}
      >
        {proxySaved ? <RecordView record={proxySaved} /> : null}
      </Modal>
    </Space>
  );
}
