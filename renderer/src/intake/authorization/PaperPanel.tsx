import { Alert, Button, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentCapture as DocumentResult, FaceCapture as FaceResult } from '../../../../common/capture/schemas';
import { PAPER_REASONS } from '../../../../common/contract/methods/cases';
import { call } from '../../api/client';
import { DocumentCapture, localDeviceSettings } from '../../capture/index';
import { PrintForm } from './PrintForm';
import { SignerFace } from './SignerFace';
import type { Signer } from './SignerList';
import { useAuthorizationSave } from './useAuthorizationSave';

type Reason = (typeof PAPER_REASONS)[number];
const SCAN_KINDS = ['other'] as const;

/**
 * The paper route for one signer who cannot sign on a pad: why (年老, 残疾, 无签字板, or another
 * reason written down), the blank 授权书 printed for this signer, signed by hand or with a
 * fingerprint, scanned back with the document camera, the face where the county requires it on
 * paper too, then saved as this signer's authorization (core checks the form was printed for them).
 */
export function PaperPanel({
  signer,
  faceRequired,
  cardPhotoBmp,
  ensureSaved,
  onSaved,
  onCancel,
}: {
  signer: Signer;
  /** The county requires a face of paper signers too (faceRequired and paperFaceRequired). */
  faceRequired: boolean;
  cardPhotoBmp: string | undefined;
  ensureSaved: () => Promise<{ caseId: string }>;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  const [printed, setPrinted] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [scan, setScan] = useState<DocumentResult | null>(null);
  const [face, setFace] = useState<FaceResult | null>(null);
  const { busy, error, save: send } = useAuthorizationSave({ ensureSaved, cardPhotoBmp, face, onSaved });
  const noteMissing = reason === 'other' && note.trim().length === 0;
  const ready = reason !== null && !noteMissing && printed !== null && scan !== null && (!faceRequired || face !== null);

  const save = async () => {
    if (!ready || !reason || !printed || !scan) return;
    await send((caseId, cardPhoto) =>
      call('intake.authorizePaper', {
        caseId,
        signerIdNumber: signer.idNumber,
        requestId: printed,
        scan,
        reason,
        ...(note.trim() ? { reasonNote: note.trim() } : {}),
        face,
        cardPhoto,
      }),
    );
  };

  return (
    <div data-testid="paper-panel" data-route="paper">
      <Typography.Paragraph type="secondary">{t('intake.paper.hint')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <div>
          <Typography.Text strong>{t('intake.paper.steps.reason')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Radio.Group
              aria-label={t('intake.paper.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value as Reason)}
              data-testid="paper-reason"
            >
              <Space orientation="vertical">
                {PAPER_REASONS.map((r, i) => (
                  <Radio key={r} value={r} autoFocus={i === 0}>
                    {t(`intake.paper.reasons.${r}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </div>
          {reason === 'other' && (
            <Input.TextArea
              aria-label={t('intake.paper.reasonNote')}
              placeholder={t('intake.paper.reasonNote')}
              rows={2}
              maxLength={200}
              value={note}
              status={noteMissing ? 'error' : undefined}
              onChange={(e) => setNote(e.target.value)}
              style={{ marginTop: 8, maxWidth: 480 }}
              data-testid="paper-reason-note"
            />
          )}
        </div>
        <div>
          <Typography.Text strong>{t('intake.paper.steps.print')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <PrintForm signer={signer} ensureSaved={ensureSaved} printed={printed} onPrinted={setPrinted} />
          </div>
        </div>
        <div>
          <Typography.Text strong>{t('intake.paper.steps.scan')}</Typography.Text>
          <Space style={{ marginTop: 4, display: 'flex' }} wrap>
            <Button onClick={() => setScanning(true)} disabled={printed === null} data-testid="paper-scan">
              {scan ? t('intake.paper.rescan') : t('intake.paper.scan')}
            </Button>
            {scan && (
              <Typography.Text type="success" data-testid="paper-scanned" data-pages={scan.pages.length}>
                {t('intake.paper.scanned', { count: scan.pages.length })}
              </Typography.Text>
            )}
          </Space>
        </div>
        <div>
          <Typography.Text strong>{t('intake.paper.steps.face')}</Typography.Text>
          {faceRequired ? (
            <>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('intake.paper.faceRequired')}
              </Typography.Paragraph>
              {scan && <SignerFace cardPhotoBmp={cardPhotoBmp} face={face} onFace={setFace} />}
            </>
          ) : (
            <Typography.Paragraph type="secondary" data-testid="paper-face-optional" style={{ margin: 0 }}>
              {t('intake.paper.faceOptional')}
            </Typography.Paragraph>
          )}
        </div>
        <Space>
          <Button type="primary" disabled={!ready} loading={busy} onClick={() => void save()} data-testid="paper-save">
            {t('intake.paper.save')}
          </Button>
          <Button onClick={onCancel} data-testid="paper-cancel">
            {t('intake.paper.cancel')}
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="authorization-error" />}
      <Modal open={scanning} footer={null} width={900} onCancel={() => setScanning(false)} destroyOnHidden title={t('intake.paper.scan')}>
        {scanning && (
          <DocumentCapture
            deviceId={localDeviceSettings().load().document?.deviceId ?? null}
            kinds={SCAN_KINDS}
            defaultKind="other"
            onCaptured={(c) => {
              setScan(c);
              setScanning(false);
            }}
          />
        )}
      </Modal>
    </div>
  );
}
