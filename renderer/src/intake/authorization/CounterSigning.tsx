import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FaceCapture, SignatureCapture } from '../../../../common/capture/schemas';
import { ApplicantTheme, ScreenBar, SigningView, useTextSize, type SigningRequest } from '../../applicant/index';

/**
 * A single-monitor counter: no applicant screen is paired, so the clerk turns this screen to the
 * signer and the very same signing view opens over the page, in the applicant screen's look and size.
 */
export function CounterSigning({ request, onSigned, onClose }: { request: SigningRequest; onSigned: (signature: SignatureCapture, face: FaceCapture | null) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [size, setSize] = useTextSize();
  return (
    <Modal open width="min(1200px, 96vw)" style={{ top: 8 }} footer={null} onCancel={onClose} title={t('intake.signing.counterTitle')} destroyOnHidden data-testid="counter-signing">
      <ApplicantTheme size={size}>
        <div data-testid="counter-signing-view" style={{ padding: 8 }}>
          <ScreenBar size={size} onSize={setSize} />
          <SigningView request={request} onSigned={onSigned} padWidth={640} />
        </div>
      </ApplicantTheme>
    </Modal>
  );
}
