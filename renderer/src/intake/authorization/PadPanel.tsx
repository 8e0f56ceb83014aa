import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCapture, SignatureCapture } from '../../../../common/capture/schemas';
import { call } from '../../api/client';
import { useCoreEvent } from '../../api/useCoreEvent';
import type { SigningRequest } from '../../applicant/index';
import { cardPhotoState } from './cardPhoto';
import { CounterSigning } from './CounterSigning';
import type { Signer } from './SignerList';
import { signingRequest } from './signingRequest';
import { useAuthorizationSave } from './useAuthorizationSave';

type Where = { at: 'preparing' } | { at: 'screen'; viewId: string } | { at: 'counter' };

/**
 * One signer signs, on the applicant's side: the signing view (applicant/signing/SigningView.tsx)
 * is sent to the paired applicant screen, or — with no screen paired — opened on this screen turned
 * to the applicant. What the signer gives there (the signature bound to their statement, the face
 * where the county asks) is saved as their authorization (`intake.authorize`) the moment it arrives;
 * core checks the binding and the face as on every route. The clerk sees where it stands and can
 * send it again, sign at this screen instead, or use the paper route (the signer list).
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
  /** Not used: every signature comes through the signing view. */
  screenSignature?: SignatureCapture | null | undefined;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [request, setRequest] = useState<SigningRequest | null>(null);
  const [where, setWhere] = useState<Where>({ at: 'preparing' });
  const { busy, error, setError, save } = useAuthorizationSave({ ensureSaved, cardPhotoBmp, face: null, onSaved });

  const persist = useCallback(
    (signature: SignatureCapture, face: FaceCapture | null) =>
      save((caseId, cardPhoto) => call('intake.authorize', { caseId, signerIdNumber: signer.idNumber, signature, face, cardPhoto }), face),
    [save, signer.idNumber],
  );

  /** To the applicant screen if one is paired, else the counter view on this screen. */
  const send = useCallback(async (r: SigningRequest) => {
    setError(null);
    const shown = await call('applicant.show', { view: { kind: 'signing', ...r } });
    setWhere(shown.paired && shown.viewId ? { at: 'screen', viewId: shown.viewId } : { at: 'counter' });
  }, [setError]);

  // Keyed on the signer's fields, not the list's object (a refetch renews it).
  useEffect(() => {
    let live = true;
    void ensureSaved()
      .then(({ caseId }) => signingRequest(client, caseId, signer, faceRequired, cardPhotoBmp))
      .then(async (r) => {
        if (!live) return;
        setRequest(r);
        await send(r);
      })
      .catch((e: unknown) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [signer.idNumber, signer.name, signer.role, faceRequired, cardPhotoBmp, ensureSaved, client, send, setError]);

  useCoreEvent('applicant.reply', (r) => {
    if (r.kind === 'signed' && where.at === 'screen' && r.viewId === where.viewId) void persist(r.signature, r.face);
    if (r.kind === 'unpaired' && where.at === 'screen') setWhere({ at: 'counter' });
  });

  return (
    <div data-testid="authorization-panel" data-route="pad" data-where={where.at}>
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
      {where.at === 'screen' && (
        <Typography.Paragraph data-testid="signing-on-screen">
          {busy ? t('intake.signing.saving', { name: signer.name }) : t('intake.signing.onScreen', { name: signer.name })}
        </Typography.Paragraph>
      )}
      {where.at === 'counter' && request && (
        <CounterSigning
          request={request}
          onSigned={async (signature, face) => {
            const problem = await persist(signature, face);
            if (problem) throw new Error(problem);
          }}
          onClose={() => setWhere({ at: 'preparing' })}
        />
      )}
      {request && where.at !== 'counter' && (
        <Space wrap>
          <Button onClick={() => void send(request).catch((e: Error) => setError(e.message))} data-testid="signing-resend">
            {t('intake.signing.resend')}
          </Button>
          <Button onClick={() => setWhere({ at: 'counter' })} data-testid="signing-at-counter">
            {t('intake.signing.atCounter')}
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="authorization-error" />}
    </div>
  );
}
