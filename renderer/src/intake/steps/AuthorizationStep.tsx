import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCapture as FaceResult, SignatureCapture } from '../../../../common/capture/schemas';
import { authorizationStatement, sha256Hex } from '../../../../common/capture/signatureBinding';
import type { MethodOutput } from '../../../../common/contract/index';
import { intakeStatementRef } from '../../../../common/contract/methods/cases';
import { maskIdNumber } from '../../../../common/format/mask';
import { faceVerdictLabel } from '../../../../common/i18n/labels';
import { call } from '../../api/client';
import { localDeviceSettings } from '../../capture/camera/deviceSettings';
import { FaceCapture } from '../../capture/face/FaceCapture';
import { SignaturePad } from '../../capture/signature/SignaturePad';

type Signer = MethodOutput<'cases.get'>['requiredSigners'][number];

/**
 * Step 6: the authorization for the economic verification — every adult member and, for 特困,
 * every supporter: signature on the pad, face on the camera (per county setting), time recorded.
 */
export function AuthorizationStep({
  signers,
  faceRequired,
  ensureSaved,
  onSigned,
  screenSignature,
}: {
  signers: Signer[];
  faceRequired: boolean;
  ensureSaved: () => Promise<{ caseId: string }>;
  onSigned: () => void;
  /** A signature given on the applicant screen: it becomes the active signer's signature. */
  screenSignature?: SignatureCapture | null;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState<string | null>(null);
  const [signature, setSignature] = useState<SignatureCapture | null>(null);
  const [face, setFace] = useState<FaceResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The signature is bound to the SHA-256 of the statement this signer signs.
  const [statementHash, setStatementHash] = useState<string | null>(null);
  const activeSigner = signers.find((s) => s.idNumber === active);
  const [fromScreen, setFromScreen] = useState(false);
  // Only a signature that arrives while a signer is chosen applies, and only to that signer.
  const activeRef = useRef(active);
  activeRef.current = active;
  useEffect(() => {
    if (!screenSignature || !activeRef.current) return;
    setSignature(screenSignature);
    setFromScreen(true);
  }, [screenSignature]);
  useEffect(() => {
    setStatementHash(null);
    if (!activeSigner) return;
    let live = true;
    // The statement names this application: the draft is saved first so its id is known.
    void ensureSaved()
      .then(({ caseId }) => sha256Hex(authorizationStatement({ name: activeSigner.name, idNumber: activeSigner.idNumber, role: activeSigner.role }, intakeStatementRef(caseId))))
      .then((h) => live && setStatementHash(h))
      .catch((e: unknown) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [activeSigner?.name, activeSigner?.idNumber, activeSigner?.role]);

  const save = async (signer: Signer) => {
    if (!signature) return;
    setBusy(true);
    try {
      const { caseId } = await ensureSaved();
      await call('intake.authorize', { caseId, signerIdNumber: signer.idNumber, signature, face });
      setActive(null);
      setSignature(null);
      setFromScreen(false);
      setFace(null);
      setError(null);
      onSigned();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (signers.length === 0) return <Card data-testid="step-authorization">{t('intake.noSigners')}</Card>;
  return (
    <Card data-testid="step-authorization">
      <Typography.Paragraph type="secondary">{t('intake.signHint')}</Typography.Paragraph>
      <List
        dataSource={signers}
        renderItem={(s) => (
          <List.Item
            data-testid={`signer-${s.idNumber}`}
            data-signed={s.signed}
            actions={[
              <Button key="sign" onClick={() => { setActive(s.idNumber); setSignature(null); setFromScreen(false); setFace(null); }} data-testid={`sign-${s.idNumber}`}>
                {t('intake.sign')}
              </Button>,
            ]}
          >
            <Space>
              <strong>{s.name}</strong>
              <span>{maskIdNumber(s.idNumber)}</span>
              {s.role === 'supporter' && <Tag>{t('intake.supporters')}</Tag>}
              {s.signed ? <Tag color="green">{t('intake.signed')}</Tag> : <Tag color="orange">{t('intake.unsigned')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {active && (
        <div data-testid="authorization-panel" style={{ marginTop: 16 }}>
          <Typography.Title level={5}>
            {t('intake.signer')}：{signers.find((s) => s.idNumber === active)?.name}
          </Typography.Title>
          {fromScreen && signature ? (
            <Tag color="blue" data-testid="signature-from-screen">
              {t('intake.signatureFromScreen')}
            </Tag>
          ) : statementHash ? (
            <SignaturePad key={active} signer={activeSigner?.name ?? ''} documentHash={statementHash} onCaptured={setSignature} />
          ) : null}
          {faceRequired && (
            <div style={{ marginTop: 12 }}>
              <Typography.Title level={5}>{t('intake.face')}</Typography.Title>
              {face ? <Tag color="green">{faceVerdictLabel(face.verdict)}</Tag> : <FaceCapture deviceId={localDeviceSettings().load().face?.deviceId ?? null} onCaptured={setFace} />}
            </div>
          )}
          <Button type="primary" style={{ marginTop: 12 }} disabled={!signature || (faceRequired && !face)} loading={busy} onClick={() => void save(signers.find((s) => s.idNumber === active)!)} data-testid="save-authorization">
            {t('intake.saveAuthorization')}
          </Button>
        </div>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="authorization-error" />}
    </Card>
  );
}
