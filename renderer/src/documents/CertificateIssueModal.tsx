import { Alert, Button, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateDraft } from '../../../common/contract/methods/documents/documents';
import { formatYuan } from '../../../common/format/money';
import { maskIdNumber } from '../../../common/format/mask';
import { call } from '../api/client';
import { useBusyAction } from '../components/useBusyAction';
import { base64ToBytes } from './pdf';
import { PdfPreview } from './PdfPreview';
import { printIssued } from './printIssued';

/**
 * 出具救助证明 for a household on the roster: core fills it from the roster and the case (who, type,
 * amount, since when, valid until the next review); the clerk adds the purpose, checks the preview,
 * then issues it (signed, stored encrypted, audited) and prints it.
 */
export function CertificateIssueModal({
  caseId,
  open,
  onClose,
  onIssued,
}: {
  caseId: string;
  open: boolean;
  onClose: () => void;
  onIssued?: () => void;
}) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('');
  const [draft, setDraft] = useState<{ draft: CertificateDraft; pdf: Uint8Array } | null>(null);
  const { busy, error, setError, run } = useBusyAction<'fill' | 'issue'>();
  const [issued, setIssued] = useState<string | null>(null);
  const input = () => ({ caseId, ...(purpose.trim() ? { purpose: purpose.trim() } : {}) });
  const fill = () =>
    run('fill', async () => {
      const r = await call('certificate.draft', input());
      setDraft({ draft: r.draft, pdf: base64ToBytes(r.pdfBase64) });
    });
  const issue = () =>
    run('issue', async () => {
      const doc = await call('certificate.issue', input());
      setIssued(draft?.draft.certificateId ?? doc.id);
      setDraft(null);
      onIssued?.();
      await printIssued(doc.id);
    });
  const close = () => {
    setDraft(null);
    setIssued(null);
    setError(null);
    setPurpose('');
    onClose();
  };
  const d = draft?.draft;
  const F = 'docScreens.certificate.fields';
  return (
    <Modal
      open={open}
      width={820}
      title={t('docScreens.certificate.title')}
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close}>{t('documents.ui.close')}</Button>
          {d && (
            <Button type="primary" loading={busy === 'issue'} onClick={() => void issue()} data-testid="certificate-issue">
              {t('docScreens.certificate.issue')}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} data-testid="certificate-modal">
        {issued ? (
          <Alert
            type="success"
            showIcon
            data-testid="certificate-issued"
            message={
              <>
                {t('docScreens.certificate.issued')}
                <span data-verbatim>{issued}</span>
              </>
            }
          />
        ) : (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label={t('docScreens.certificate.purpose')}
              placeholder={t('docScreens.certificate.purposePlaceholder')}
              maxLength={60}
              value={purpose}
              onChange={(e) => setPurpose(e.target.value)}
              onPressEnter={() => void fill()}
              data-testid="certificate-purpose"
            />
            <Button loading={busy === 'fill'} onClick={() => void fill()} data-testid="certificate-fill">
              {t('docScreens.certificate.fill')}
            </Button>
          </Space.Compact>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="certificate-error" />}
        {d && (
          <>
            <Descriptions
              size="small"
              column={2}
              bordered
              data-testid="certificate-draft"
              data-amount={d.monthlyAmountFen}
              data-since={d.since}
              data-valid-until={d.validUntil}
            >
              <Descriptions.Item label={t(`${F}.certificateId`)}>
                <span data-verbatim>{d.certificateId}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t(`${F}.holder`)}>{d.holderName}</Descriptions.Item>
              <Descriptions.Item label={t(`${F}.idNumber`)}>{maskIdNumber(d.holderIdNumber)}</Descriptions.Item>
              <Descriptions.Item label={t(`${F}.householdSize`)}>
                {t('docScreens.certificate.people', { count: d.householdSize })}
              </Descriptions.Item>
              <Descriptions.Item label={t(`${F}.category`)}>{t(`roster.categories.${d.category}`)}</Descriptions.Item>
              <Descriptions.Item label={t(`${F}.amount`)}>{formatYuan(d.monthlyAmountFen)}</Descriptions.Item>
              <Descriptions.Item label={t(`${F}.since`)}>{d.since}</Descriptions.Item>
              <Descriptions.Item label={t(`${F}.nextReview`)}>{d.nextReviewOn}</Descriptions.Item>
              <Descriptions.Item label={t(`${F}.validUntil`)}>{d.validUntil}</Descriptions.Item>
              <Descriptions.Item label={t(`${F}.issuer`)}>{d.issuer}</Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary">{t('documents.ui.previewTitle', { kind: t('documents.kinds.certificate') })}</Typography.Text>
            <PdfPreview pdf={draft.pdf} />
          </>
        )}
      </Space>
    </Modal>
  );
}
