import { Alert, Button, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCapture as FaceResult, SignatureCapture } from '../../../../common/capture/schemas';
import { authorizationStatement, sha256Hex } from '../../../../common/capture/signatureBinding';
import { intakeStatementRef } from '../../../../common/contract/methods/cases';
import { call } from '../../api/client';
import { SignaturePad } from '../../capture/index';
import { SignerFace } from './SignerFace';
import type { Signer } from './SignerList';
import { useAuthorizationSave } from './useAuthorizationSave';

/**
 * The pad route for one signer: the signature bound to the SHA-256 of this signer's statement for
 * this case, the face (per county setting, matched against the card photo when there is one).
 */
export function PadPanel({
  signer,
  faceRequired,
  cardPhotoBmp,
  ensureSaved,
  screenSignature,
  onSaved,
}: {
  signer: Signer;
  faceRequired: boolean;
  cardPhotoBmp: string | undefined;
  ensureSaved: () => Promise<{ caseId: string }>;
  /** A signature given on the applicant screen: it becomes this signer's signature when it arrives while the panel is open and is bound to this signer's statement. */
  screenSignature?: SignatureCapture | null | undefined;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState<SignatureCapture | null>(null);
  const [fromScreen, setFromScreen] = useState(false);
  const [face, setFace] = useState<FaceResult | null>(null);
  const [statementHash, setStatementHash] = useState<string | null>(null);
  const { busy, error, setError, save: send } = useAuthorizationSave({ ensureSaved, cardPhotoBmp, face, onSaved });

  // Only a screen signature that arrives after the panel opened applies, and only when it was given on this signer's statement.
  const openedWith = useRef(screenSignature);
  useEffect(() => {
    if (!screenSignature || screenSignature === openedWith.current || !statementHash) return;
    if (screenSignature.documentHash !== statementHash || screenSignature.signer?.trim() !== signer.name.trim()) return;
    setSignature(screenSignature);
    setFromScreen(true);
  }, [screenSignature, statementHash, signer.name]);

  // The statement names this application: the draft is saved first so its id is known.
  useEffect(() => {
    let live = true;
    void ensureSaved()
      .then(({ caseId }) => sha256Hex(authorizationStatement({ name: signer.name, idNumber: signer.idNumber, role: signer.role }, intakeStatementRef(caseId))))
      .then((h) => live && setStatementHash(h))
      .catch((e: unknown) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [signer.name, signer.idNumber, signer.role, ensureSaved]);

  const save = async () => {
    if (!signature) return;
    await send((caseId, cardPhoto) => call('intake.authorize', { caseId, signerIdNumber: signer.idNumber, signature, face, cardPhoto }));
  };

  return (
    <div data-testid="authorization-panel" data-route="pad">
      {fromScreen && signature ? (
        <Tag color="blue" data-testid="signature-from-screen">
          {t('intake.signatureFromScreen')}
        </Tag>
      ) : statementHash ? (
        <SignaturePad signer={signer.name} documentHash={statementHash} onCaptured={setSignature} />
      ) : null}
      {faceRequired && signature && <SignerFace cardPhotoBmp={cardPhotoBmp} face={face} onFace={setFace} />}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" disabled={!signature || (faceRequired && !face)} loading={busy} onClick={() => void save()} data-testid="save-authorization">
          {t('intake.saveAuthorization')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="authorization-error" />}
    </div>
  );
}
