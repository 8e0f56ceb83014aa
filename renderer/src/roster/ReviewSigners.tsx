import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCapture as FaceResult, SignatureCapture } from '../../../common/capture/schemas';
import { authorizationStatement, sha256Hex } from '../../../common/capture/signatureBinding';
import { maskIdNumber } from '../../../common/format/mask';
import { call } from '../api/client';
import { FaceCapture, localDeviceSettings, SignaturePad } from '../capture/index';
import type { ReviewViewData } from './ReviewDrawer';

type Review = NonNullable<ReviewViewData['review']>;
type Signer = ReviewViewData['signers'][number];

/** Step 2: every adult member re-signs the authorization; the pad is bound to the hash of this signer's statement for this review. */
export function ReviewSigners({ view, review, onSigned }: { view: ReviewViewData; review: Review; onSigned: (v: ReviewViewData) => void }) {
  const { t } = useTranslation();
  const [active, setActive] = useState<Signer | null>(null);
  const [hash, setHash] = useState<string | null>(null);
  const [signature, setSignature] = useState<SignatureCapture | null>(null);
  const [face, setFace] = useState<FaceResult | null>(null);
  useEffect(() => {
    setHash(null);
    if (!active) return;
    let live = true;
    void sha256Hex(authorizationStatement({ name: active.name, idNumber: active.idNumber, role: active.role }, review.statementRef)).then((h) => live && setHash(h));
    return () => {
      live = false;
    };
  }, [active, review.statementRef]);
  const save = useMutation({
    mutationFn: () => call('reviews.authorize', { reviewId: review.id, version: review.version, signerIdNumber: active!.idNumber, signature: signature!, face }),
    onSuccess: (v) => {
      setActive(null);
      setSignature(null);
      setFace(null);
      onSigned(v);
    },
  });
  const choose = (s: Signer) => {
    save.reset();
    setSignature(null);
    setFace(null);
    setActive(s);
  };
  return (
    <Card size="small" title={t('reviews.steps.sign')} data-testid="review-signers">
      <Typography.Paragraph type="secondary">{t('reviews.sign.hint')}</Typography.Paragraph>
      <List
        dataSource={view.signers}
        renderItem={(s) => (
          <List.Item
            data-testid={`review-signer-${s.idNumber}`}
            data-signed={s.signed}
            actions={[
              <Button key="sign" size="small" onClick={() => choose(s)} data-testid={`review-sign-${s.idNumber}`}>
                {s.signed ? t('reviews.sign.resign') : t('reviews.sign.sign')}
              </Button>,
            ]}
          >
            <Space>
              <strong>{s.name}</strong>
              <span>{maskIdNumber(s.idNumber)}</span>
              {s.signed ? <Tag color="green">{t('reviews.sign.signed')}</Tag> : <Tag color="orange">{t('reviews.sign.unsigned')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {active && (
        <div data-testid="review-sign-panel" style={{ marginTop: 12 }}>
          <Typography.Title level={5}>{t('reviews.sign.signer', { name: active.name })}</Typography.Title>
          {hash && <SignaturePad key={`${active.idNumber}-${hash}`} signer={active.name} documentHash={hash} width={560} height={200} onCaptured={setSignature} />}
          {view.faceRequired && (
            <div style={{ marginTop: 12 }}>
              <Typography.Title level={5}>{t('reviews.sign.face')}</Typography.Title>
              {face ? <Tag color="green">{face.verdict}</Tag> : <FaceCapture deviceId={localDeviceSettings().load().face?.deviceId ?? null} onCaptured={setFace} />}
            </div>
          )}
          <Button type="primary" style={{ marginTop: 12 }} disabled={!signature || (view.faceRequired && !face)} loading={save.isPending} onClick={() => save.mutate()} data-testid="review-save-signature">
            {t('reviews.sign.save')}
          </Button>
        </div>
      )}
      {save.error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={save.error.message} />}
    </Card>
  );
}
