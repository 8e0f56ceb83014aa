import { Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCapture, SignatureCapture } from '../../../common/capture/schemas';
import { ManualCaptureModal } from '../capture/index';
import { ApplicantTheme } from './ApplicantTheme';
import { ScreenBar } from './ScreenBar';
import { SigningView, type SigningRequest } from './signing/SigningView';
import { useTextSize } from './textSize';

/**
 * A single-monitor counter: no applicant screen is paired, so the clerk turns this screen to the
 * signer and the very same signing view opens over the page, in the applicant screen's look and size.
 * Below it, the clerk's own control: 手动拍摄 with a required reason, for a face the automatic capture
 * never takes (core records it as 复核 at best).
 */
export function CounterSigning({
  request,
  onSigned,
  onClose,
}: {
  request: SigningRequest;
  onSigned: (signature: SignatureCapture, face: FaceCapture | null) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [size, setSize] = useTextSize();
  const [manualFace, setManualFace] = useState<SigningRequest['manualFace']>(undefined);
  const [asking, setAsking] = useState(false);
  const footer = request.faceRequired ? (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      <Typography.Text type="secondary">{t('applicant.manualFace.hint')}</Typography.Text>
      <Button onClick={() => setAsking(true)} data-testid="signing-manual-face">
        {t('applicant.manualFace.button')}
      </Button>
    </Space>
  ) : null;
  return (
    <Modal
      open
      width="min(1200px, 96vw)"
      style={{ top: 8 }}
      footer={footer}
      onCancel={onClose}
      title={t('intake.signing.counterTitle')}
      destroyOnHidden
      data-testid="counter-signing"
    >
      <ApplicantTheme size={size}>
        <div data-testid="counter-signing-view" style={{ padding: 8 }}>
          <ScreenBar size={size} onSize={setSize} />
          <SigningView request={manualFace ? { ...request, manualFace } : request} onSigned={onSigned} padWidth={640} />
        </div>
      </ApplicantTheme>
      <ManualCaptureModal
        open={asking}
        onCancel={() => setAsking(false)}
        onConfirm={(reason) => {
          setAsking(false);
          setManualFace({ reason, at: new Date().toISOString() });
        }}
      />
    </Modal>
  );
}
