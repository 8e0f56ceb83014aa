import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Space, Table, message } from 'antd';
import { useCallback, useState } from 'react';
import type { NoticeRequest } from '../../../common/contract/methods/documents/print';
import { translate } from '../../../common/i18n/translate';
import { call } from '../api/client';
import { BatchPanel } from './BatchPanel';
import { base64ToBytes } from './pdf';
import { PdfPreview } from './PdfPreview';
import { PrintSettingsCard } from './PrintSettingsCard';
import { PublicityListsCard } from './PublicityListsCard';
import { printNotice } from './printFlow';
import { useAskRating } from '../ratings/useAskRating';
import { RatingScreenControl } from '../applicant/index';
import { useBatchRunner } from './useBatchRunner';

/** 文书打印: the notices workflow steps owe, previewed and printed singly or as a batch. */
export function PrintQueuePage() {
  const client = useQueryClient();
  const queue = useQuery({ queryKey: ['printQueue.list'], queryFn: () => call('printQueue.list', { state: 'pending', limit: 1000 }) });
  const open = useQuery({ queryKey: ['printBatch.list'], queryFn: () => call('printBatch.list', {}) });
  const refresh = useCallback(() => {
    void client.invalidateQueries({ queryKey: ['printQueue.list'] });
    void client.invalidateQueries({ queryKey: ['printBatch.list'] });
  }, [client]);
  const runner = useBatchRunner(refresh);
  const [selected, setSelected] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ request: NoticeRequest; pdf: Uint8Array } | null>(null);

  const showPreview = useMutation({
    mutationFn: async (request: NoticeRequest) => ({
      request,
      pdf: base64ToBytes((await call('documents.preview', { requestId: request.id })).pdfBase64),
    }),
    onSuccess: setPreview,
    onError: (e) => void message.error(e.message),
  });
  const askRating = useAskRating();
  const printOne = useMutation({
    mutationFn: (request: NoticeRequest) => printNotice(request.id),
    onSuccess: (delivery, request) => {
      // A 救助证明 printed for the person at the counter: the applicant screen asks for a 好差评 rating.
      if (request.kind === 'certificate') askRating({ service: 'certificate', noticeRequestId: request.id });
      setPreview(null);
      void message.success(translate(delivery === 'host' ? 'documents.ui.printedOne' : 'documents.ui.sentToBrowser'));
      refresh();
    },
    onError: (e) => void message.error(e.message),
  });

  const unfinished = (open.data ?? []).filter((b) => b.id !== runner.batch?.id);

  return (
    <Card
      title={translate('documents.ui.queueTitle')}
      extra={
        <Space>
          <Button onClick={refresh}>{translate('documents.ui.refresh')}</Button>
          <Button
            type="primary"
            disabled={selected.length === 0 || runner.busy}
            onClick={() => void runner.start(selected).then(() => setSelected([]))}
          >
            {translate('documents.ui.printSelected', { count: selected.length })}
          </Button>
        </Space>
      }
    >
      <RatingScreenControl />
      <PrintSettingsCard />
      <BatchPanel runner={runner} />
      <PublicityListsCard onQueued={refresh} />
      {unfinished.length > 0 && !runner.batch && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={translate('documents.ui.openBatches')}
          action={
            <Button size="small" onClick={() => void runner.resume(unfinished[0]!)}>
              {translate('documents.ui.resume')}
            </Button>
          }
        />
      )}
      {queue.isError && <Alert type="error" showIcon message={queue.error.message} />}
      <Table<NoticeRequest>
        rowKey="id"
        size="small"
        loading={queue.isPending}
        dataSource={queue.data ?? []}
        locale={{ emptyText: translate('documents.ui.empty') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        pagination={{ pageSize: 50 }}
        columns={[
          {
            title: translate('documents.ui.colKind'),
            dataIndex: 'kind',
            render: (k: NoticeRequest['kind']) => translate(`documents.kinds.${k}`),
          },
          { title: translate('documents.ui.colLabel'), dataIndex: 'label' },
          {
            title: translate('documents.ui.colCase'),
            dataIndex: 'caseNo',
            render: (v: string | null) => <span data-testid="queue-case-no">{v ?? '—'}</span>,
          },
          {
            title: translate('documents.ui.colRequestedAt'),
            dataIndex: 'requestedAt',
            render: (t: string) => new Date(t).toLocaleString('zh-CN'),
          },
          {
            title: translate('documents.ui.colActions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Space>
                <Button
                  size="small"
                  loading={showPreview.isPending && showPreview.variables?.id === r.id}
                  onClick={() => showPreview.mutate(r)}
                >
                  {translate('documents.ui.preview')}
                </Button>
                <Button size="small" loading={printOne.isPending && printOne.variables?.id === r.id} onClick={() => printOne.mutate(r)}>
                  {translate('documents.ui.print')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={preview !== null}
        width={760}
        title={preview ? translate('documents.ui.previewTitle', { kind: translate(`documents.kinds.${preview.request.kind}`) }) : ''}
        onCancel={() => setPreview(null)}
        footer={
          <Space>
            <Button onClick={() => setPreview(null)}>{translate('documents.ui.close')}</Button>
            <Button type="primary" loading={printOne.isPending} onClick={() => preview && printOne.mutate(preview.request)}>
              {translate('documents.ui.print')}
            </Button>
          </Space>
        }
      >
        {preview && <PdfPreview pdf={preview.pdf} />}
      </Modal>
    </Card>
  );
}
