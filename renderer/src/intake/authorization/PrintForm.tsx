import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useBusyAction } from '../../components/useBusyAction';
import { base64ToBytes } from '../../documents/pdf';
import { PdfPreview } from '../../documents/PdfPreview';
import { printNotice } from '../../documents/printFlow';
import type { Signer } from './SignerList';

/**
 * The blank 家庭经济状况核对授权书 for one signer (the paper route): core queues it with this
 * signer's statement hash printed at its foot; it is previewed and printed as every notice is
 * (issued and stored, then printed). The printed request is what the scan is later saved against.
 */
export function PrintForm({
  signer,
  ensureSaved,
  printed,
  onPrinted,
}: {
  signer: Signer;
  ensureSaved: () => Promise<{ caseId: string }>;
  printed: string | null;
  onPrinted: (requestId: string) => void;
}) {
  const { t } = useTranslation();
  // A request queued but not printed yet is reused when the preview is opened again.
  const [pending, setPending] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ requestId: string; pdf: Uint8Array } | null>(null);
  const { busy, error, run } = useBusyAction<'open' | 'print'>();

  const open = () =>
    run('open', async () => {
      let requestId = pending;
      if (!requestId) {
        const { caseId } = await ensureSaved();
        requestId = (await call('intake.authorizationForm', { caseId, signerIdNumber: signer.idNumber })).requestId;
        setPending(requestId);
      }
      const rendered = await call('documents.preview', { requestId });
      setPreview({ requestId, pdf: base64ToBytes(rendered.pdfBase64) });
    });

  const print = () =>
    run('print', async () => {
      if (!preview) return;
      await printNotice(preview.requestId);
      setPending(null);
      setPreview(null);
      onPrinted(preview.requestId);
    });

  return (
    <div data-testid="paper-print-step">
      <Space wrap>
        <Button type={printed ? 'default' : 'primary'} onClick={() => void open()} loading={busy === 'open'} data-testid="paper-print">
          {printed ? t('intake.paper.reprint') : t('intake.paper.print')}
        </Button>
        {printed && (
          <Typography.Text type="success" data-testid="paper-printed" data-request={printed}>
            {t('intake.paper.printed')}
          </Typography.Text>
        )}
      </Space>
      {error && !preview && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="paper-print-error" />}
      <Modal
        open={preview !== null}
        width={760}
        title={t('intake.paper.previewTitle', { name: signer.name })}
        onCancel={() => setPreview(null)}
        footer={
          <Space>
            <Button onClick={() => setPreview(null)}>{t('documents.ui.close')}</Button>
            <Button type="primary" autoFocus loading={busy === 'print'} onClick={() => void print()} data-testid="paper-print-confirm">
              {t('documents.ui.print')}
            </Button>
          </Space>
        }
      >
        {error && preview && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="paper-print-error" />}
        {preview && <PdfPreview pdf={preview.pdf} />}
      </Modal>
    </div>
  );
}
