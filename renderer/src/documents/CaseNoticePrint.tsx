import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '../../../common/documents/index';
import { call } from '../api/client';
import { useBusyAction } from '../components/useBusyAction';
import { useMayCall } from '../components/useMayCall';
import { base64ToBytes } from './pdf';
import { PdfPreview } from './PdfPreview';
import { printNotice } from './printFlow';

/**
 * 预览 / 打印 of the notice a step just queued for a case (the intake's 受理 / 补正 / 不予受理 notice), right
 * where the step ends: the same queue request the print queue page shows, previewed from it and printed as
 * every notice is (issued and stored, printed, marked printed), so the print queue no longer owes it.
 */
export function CaseNoticePrint({ caseId, kind }: { caseId: string; kind: DocumentKind }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const may = useMayCall();
  const queued = useQuery({
    queryKey: ['printQueue.list', caseId, kind],
    queryFn: () => call('printQueue.list', { caseId, kind, state: 'pending' }),
  });
  const request = queued.data?.at(-1) ?? null;
  const [preview, setPreview] = useState<Uint8Array | null>(null);
  const [printed, setPrinted] = useState(false);
  const action = useBusyAction<'preview' | 'print'>();
  const { busy, error } = action;
  const run = async (what: 'preview' | 'print', fn: (requestId: string) => Promise<void>) => {
    if (request) await action.run(what, () => fn(request.id));
  };
  const open = () =>
    run('preview', async (requestId) => setPreview(base64ToBytes((await call('documents.preview', { requestId })).pdfBase64)));
  const print = () =>
    run('print', async (requestId) => {
      await printNotice(requestId);
      setPreview(null);
      setPrinted(true);
      void client.invalidateQueries({ queryKey: ['printQueue.list'] });
    });

  const kindWord = t(`documents.kinds.${kind}`);
  if (printed)
    return (
      <Typography.Text type="success" data-testid="notice-printed">
        {t('documents.ui.noticePrinted', { kind: kindWord })}
      </Typography.Text>
    );
  if (!request) return null;
  return (
    <div data-testid="notice-print" data-kind={kind} data-request={request.id}>
      <Space>
        <Button onClick={() => void open()} loading={busy === 'preview'} data-testid="notice-preview">
          {t('documents.ui.previewOf', { kind: kindWord })}
        </Button>
        {may('printQueue.issue') && (
          <Button onClick={() => void print()} loading={busy === 'print' && preview === null} data-testid="notice-print-now">
            {t('documents.ui.printOf', { kind: kindWord })}
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} data-testid="notice-print-error" />}
      <Modal
        open={preview !== null}
        width={760}
        title={t('documents.ui.previewTitle', { kind: kindWord })}
        onCancel={() => setPreview(null)}
        footer={
          <Space>
            <Button onClick={() => setPreview(null)}>{t('documents.ui.close')}</Button>
            {may('printQueue.issue') && (
              <Button type="primary" autoFocus loading={busy === 'print'} onClick={() => void print()} data-testid="notice-print-confirm">
                {t('documents.ui.print')}
              </Button>
            )}
          </Space>
        }
      >
        {preview && <PdfPreview pdf={preview} />}
      </Modal>
    </div>
  );
}
