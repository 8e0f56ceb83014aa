import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCapture as FaceResult } from '../../../../common/capture/schemas';
import { faceVerdictLabel } from '../../../../common/i18n/labels';
import { FaceCapture, localDeviceSettings } from '../../capture/index';
import { cardPhotoState, cardReference } from './cardPhoto';

const VERDICT_COLOURS = { pass: 'green', review: 'gold', fail: 'red' } as const;

/**
 * The signer's face at the authorization: matched against the card photo when the card read gave
 * one (the vendor decoder), else only judged for liveness — and the clerk is told which. Shown once
 * the signature (or the scan) is in, so the camera and the face model do not run while the signer writes.
 */
export function SignerFace({
  cardPhotoBmp,
  face,
  onFace,
}: {
  cardPhotoBmp: string | undefined;
  face: FaceResult | null;
  onFace: (face: FaceResult | null) => void;
}) {
  const { t } = useTranslation();
  const reference = useMemo(() => cardReference(cardPhotoBmp), [cardPhotoBmp]);
  const state = cardPhotoState(cardPhotoBmp, face);
  // The camera's picture comes into view when the face is due (Chromium stops handing out the frames of a video out of view).
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Chromium's scroll methods may answer with a promise: nothing to wait for, and never the effect's cleanup.
    void box.current?.scrollIntoView({ block: 'start' });
  }, []);
  const cardLine =
    state === 'unavailable'
      ? t('intake.cardPhotoUnavailable')
      : state === 'ready'
        ? t('intake.cardPhotoReady')
        : state === 'noFace'
          ? t('intake.cardPhotoNoFace')
          : t('intake.cardPhotoScore', { score: face?.match.score?.toFixed(2) ?? '' });
  return (
    <div ref={box} style={{ marginTop: 12 }} data-testid="signer-face">
      <Typography.Title level={5}>{t('intake.face')}</Typography.Title>
      <Alert
        type={state === 'unavailable' || state === 'noFace' ? 'warning' : 'info'}
        showIcon
        title={cardLine}
        data-testid="card-photo-state"
        data-state={state}
        style={{ marginBottom: 8 }}
      />
      {face ? (
        <Space>
          <Tag color={VERDICT_COLOURS[face.verdict]} data-testid="signer-face-verdict" data-verdict={face.verdict}>
            {faceVerdictLabel(face.verdict)}
          </Tag>
          <Button onClick={() => onFace(null)} data-testid="retake-face">
            {t('intake.retakeFace')}
          </Button>
        </Space>
      ) : (
        <FaceCapture deviceId={localDeviceSettings().load().face?.deviceId ?? null} referencePhoto={reference} onCaptured={onFace} />
      )}
    </div>
  );
}
