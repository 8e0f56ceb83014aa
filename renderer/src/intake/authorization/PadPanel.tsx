import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCapture, SignatureCapture } from '../../../../common/capture/schemas';
import { call } from '../../api/client';
import { SigningRoute, type SigningRequest } from '../../applicant/index';
import { cardPhotoState } from './cardPhoto';
import type { Signer } from './SignerList';
import { signingRequest } from './signingRequest';
import { useAuthorizationSave } from './useAuthorizationSave';

/**
 * One signer signs the intake's 授权书 on the applicant's side (applicant/SigningRoute.tsx: the paired
 * applicant screen, or this screen turned to the signer). What the signer gives there (the signature
 * bound to their statement, the face where the county asks) is saved as their authorization
 * (`intake.authorize`) the moment it arrives; core checks the binding and the face as on every route.
 */
export function PadPanel({
  signer,
  faceRequired,
  cardPhotoBmp,
  ensureSaved,
  onSaved,
}: {
  signer: Signer;
  faceRequired: boolean;
  cardPhotoBmp: string | undefined;
  ensureSaved: () => Promise<{ caseId: string }>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [request, setRequest] = useState<SigningRequest | null>(null);
  const { busy, error, setError, save } = useAuthorizationSave({ ensureSaved, cardPhotoBmp, face: null, onSaved });

  const persist = useCallback(
    (signature: SignatureCapture, face: FaceCapture | null) =>
      save((caseId, cardPhoto) => call('intake.authorize', { caseId, signerIdNumber: signer.idNumber, signature, face, cardPhoto }), face),
    [save, signer.idNumber],
  );

  // Keyed on the signer's fields, not the list's object (a refetch renews it).
  useEffect(() => {
    let live = true;
    void ensureSaved()
      .then(({ caseId }) => signingRequest(client, caseId, signer, faceRequired, cardPhotoBmp))
      .then((r) => live && setRequest(r))
      .catch((e: unknown) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [signer.idNumber, signer.name, signer.role, faceRequired, cardPhotoBmp, ensureSaved, client, setError]);

  return (
    <div data-testid="authorization-panel" data-route="pad">
      {faceRequired && (
        <Alert
          type={cardPhotoBmp ? 'info' : 'warning'}
          showIcon
          title={cardPhotoBmp ? t('intake.cardPhotoReady') : t('intake.cardPhotoUnavailable')}
          data-testid="card-photo-state"
          data-state={cardPhotoState(cardPhotoBmp, null)}
          style={{ marginBottom: 8 }}
        />
      )}
      <SigningRoute request={request} busy={busy} persist={persist} onError={setError} />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="authorization-error" />}
    </div>
  );
}
