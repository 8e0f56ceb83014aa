import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCapture, SignatureCapture } from '../../../common/capture/schemas';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';
import { ManualCaptureModal } from '../capture/index';
import { CounterSigning } from './CounterSigning';
import type { SigningRequest } from './signing/SigningView';

type Where = { at: 'preparing' } | { at: 'screen'; viewId: string } | { at: 'counter' };

/**
 * The clerk's side of one signer's signing, wherever it is used (the intake's 授权书 and its 补签, the
 * review's re-signing): the signing view (signing/SigningView.tsx) goes to the paired applicant
 * screen, or — none paired — opens over this screen turned to the signer (CounterSigning). What the
 * signer gives there is handed to `persist` the moment it arrives; core checks it as on every route.
 * The clerk sees where it stands (a signature the screen handed on but core refused is said here, while
 * the screen asks the signer to wait for the clerk), sends it again, signs at this screen instead, and —
 * for a face the automatic capture never takes — asks the screen for 手动拍摄 with a reason (never the applicant's own).
 */
export function SigningRoute({
  request,
  busy,
  persist,
  onError,
}: {
  request: SigningRequest | null;
  busy: boolean;
  /** Save what the signer gave: null when saved, else core's words (the view says them and waits for a new signature). */
  persist: (signature: SignatureCapture, face: FaceCapture | null) => Promise<string | null>;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const [where, setWhere] = useState<Where>({ at: 'preparing' });
  const [asking, setAsking] = useState(false);
  const [asked, setAsked] = useState<string | null>(null);
  /** The signature the screen handed on was refused when saved: the screen asks the signer to wait for the clerk. */
  const [refused, setRefused] = useState(false);

  /** To the applicant screen if one is paired, else the counter view on this screen. */
  const send = useCallback(
    async (r: SigningRequest) => {
      onError(null);
      setAsked(null);
      setRefused(false);
      const { manualFace: _asked, ...view } = r;
      const shown = await call('applicant.show', { view: { kind: 'signing', ...view } });
      setWhere(shown.paired && shown.viewId ? { at: 'screen', viewId: shown.viewId } : { at: 'counter' });
    },
    [onError],
  );
  useEffect(() => {
    if (request) void send(request).catch((e: Error) => onError(e.message));
  }, [request, send, onError]);

  useCoreEvent('applicant.reply', (r) => {
    if (r.kind === 'signed' && where.at === 'screen' && r.viewId === where.viewId) {
      const viewId = r.viewId;
      void persist(r.signature, r.face).then((problem) => {
        setRefused(problem !== null);
        // The screen says 已保存, or core's reason and 重新签名, instead of leaving the signer waiting.
        void call('applicant.outcome', { viewId, saved: problem === null, ...(problem ? { message: problem.slice(0, 300) } : {}) }).catch(
          () => undefined,
        );
      });
    }
    if (r.kind === 'unpaired' && where.at === 'screen') setWhere({ at: 'counter' });
  });

  const askManual = (reason: string) => {
    setAsking(false);
    if (where.at !== 'screen') return;
    call('applicant.manualFace', { viewId: where.viewId, reason }).then(
      () => setAsked(reason),
      (e: Error) => onError(e.message),
    );
  };

  return (
    <div data-testid="signing-route" data-where={where.at}>
      {where.at === 'screen' && request && refused && (
        <Alert
          type="error"
          showIcon
          title={t('intake.signing.refused', { name: request.signer.name })}
          style={{ marginBottom: 8 }}
          data-testid="signing-refused"
        />
      )}
      {where.at === 'screen' && request && !refused && (
        <Typography.Paragraph data-testid="signing-on-screen">
          {busy ? t('intake.signing.saving', { name: request.signer.name }) : t('intake.signing.onScreen', { name: request.signer.name })}
        </Typography.Paragraph>
      )}
      {where.at === 'counter' && request && (
        <CounterSigning
          request={request}
          onSigned={async (signature, face) => {
            const problem = await persist(signature, face);
            if (problem) throw new Error(problem);
          }}
          onClose={() => {
            setRefused(false);
            setWhere({ at: 'preparing' });
          }}
        />
      )}
      {request && where.at !== 'counter' && (
        <Space wrap>
          <Button onClick={() => void send(request).catch((e: Error) => onError(e.message))} data-testid="signing-resend">
            {t('intake.signing.resend')}
          </Button>
          <Button onClick={() => setWhere({ at: 'counter' })} data-testid="signing-at-counter">
            {t('intake.signing.atCounter')}
          </Button>
          {where.at === 'screen' && request.faceRequired && (
            <Button onClick={() => setAsking(true)} data-testid="signing-manual-face">
              {t('applicant.manualFace.button')}
            </Button>
          )}
        </Space>
      )}
      {asked && (
        <Alert
          type="info"
          showIcon
          title={t('applicant.manualFace.asked', { reason: asked })}
          style={{ marginTop: 8 }}
          data-testid="manual-face-asked"
        />
      )}
      <ManualCaptureModal open={asking} onCancel={() => setAsking(false)} onConfirm={askManual} />
    </div>
  );
}
