import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Image, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/contract/index';
import { call } from '../api/client';
import { base64ToBytes } from '../documents/pdf';
import { PdfPreview } from '../documents/PdfPreview';

type Blob = MethodOutput<'sync.caseBlobs'>['blobs'][number];
type Fetched = MethodOutput<'sync.fetchBlob'>;
/** What the list shows: the stored state, or what the last try answered (offline / 校验失败). */
type Shown = Blob['state'] | 'offline';

const COLOR: Record<Shown, string> = {
  remote: 'default',
  downloading: 'processing',
  stored: 'success',
  failed: 'error',
  offline: 'warning',
};

/**
 * Attachments of a station case taken at another counter (face photos, signatures, scanned pages,
 * documents): listed from the pulled blob references, each fetched from the city platform when
 * the clerk opens it, with its state in words — 尚未下载 / 正在下载 / 校验失败 / 离线，同步后可查看.
 * The case page mounts it with the case id; it renders nothing when there is nothing to fetch.
 * `describe` may name a blob in words its owner knows better (the 待受理 queue: the material's name);
 * `materialLabel` names a material page by the case's checklist, never by its code.
 */
export function StationBlobs({
  caseId,
  describe,
  materialLabel,
}: {
  caseId: string;
  describe?: (sha256: string) => string | undefined;
  /** A material's name from its code (the case's checklist); a code it does not know shows as 其他材料. */
  materialLabel?: (code: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['sync.caseBlobs', caseId], queryFn: () => call('sync.caseBlobs', { caseId }) });
  const [last, setLast] = useState<Record<string, Fetched>>({});
  const [open, setOpen] = useState<{ sha256: string; fetched: Fetched } | null>(null);
  const fetch = useMutation({
    mutationFn: (sha256: string) => call('sync.fetchBlob', { caseId, sha256 }),
    onSuccess: (fetched, sha256) => {
      setLast((m) => ({ ...m, [sha256]: fetched }));
      if (fetched.state === 'stored') setOpen({ sha256, fetched });
      void list.refetch();
    },
  });
  const blobs = list.data?.blobs ?? [];
  if (list.isError) return <Alert type="error" showIcon message={list.error.message} />;
  if (blobs.length === 0) return null;

  const shown = (b: Blob): Shown => {
    if (fetch.isPending && fetch.variables === b.sha256) return 'downloading';
    const answered = last[b.sha256]?.state;
    if (b.state === 'remote' && answered === 'offline') return 'offline';
    return b.state;
  };
  const label = (b: Blob) =>
    describe?.(b.sha256) ??
    `${t(`sync.blobs.role.${b.role}`)} · ${b.role === 'material' ? `${materialLabel?.(b.ref) ?? t('onlineApplications.otherMaterial')} ${t('sync.blobs.page', { page: b.page + 1 })}` : b.role === 'document' ? b.ref : '***' + b.ref.slice(-4)}`;

  return (
    <Card size="small" title={t('sync.blobs.title')} data-testid="station-blobs">
      <List
        dataSource={blobs}
        renderItem={(b) => {
          const state = shown(b);
          const message = last[b.sha256]?.message;
          return (
            <List.Item
              actions={[
                <Button
                  key="open"
                  size="small"
                  onClick={() => fetch.mutate(b.sha256)}
                  loading={state === 'downloading'}
                  data-testid={`station-blob-${b.sha256.slice(0, 8)}`}
                >
                  {state === 'failed' ? t('sync.blobs.retry') : t('sync.blobs.open')}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={0}>
                <Space>
                  <Typography.Text>{label(b)}</Typography.Text>
                  <Tag color={COLOR[state]}>{t(`sync.blobs.state.${state}`)}</Tag>
                  <Typography.Text type="secondary">{(b.size / 1024).toFixed(0)} KB</Typography.Text>
                </Space>
                {state === 'failed' && <Typography.Text type="danger">{message ?? t('sync.blobs.failedHelp')}</Typography.Text>}
                {state === 'offline' && <Typography.Text type="warning">{message ?? t('sync.blobs.offlineHelp')}</Typography.Text>}
                {state === 'remote' && message && <Typography.Text type="secondary">{message}</Typography.Text>}
              </Space>
            </List.Item>
          );
        }}
      />
      {fetch.isError && <Alert type="error" showIcon message={fetch.error.message} />}
      {open && open.fetched.base64 && open.fetched.mime.startsWith('image/') && (
        <Image
          width={0}
          style={{ display: 'none' }}
          src={`data:${open.fetched.mime};base64,${open.fetched.base64}`}
          preview={{ visible: true, onVisibleChange: (v) => !v && setOpen(null) }}
        />
      )}
      <Modal
        open={open !== null && open.fetched.mime === 'application/pdf'}
        footer={null}
        width={860}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {open?.fetched.base64 && open.fetched.mime === 'application/pdf' && <PdfPreview pdf={base64ToBytes(open.fetched.base64)} />}
      </Modal>
    </Card>
  );
}
