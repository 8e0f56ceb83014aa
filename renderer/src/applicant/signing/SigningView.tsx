import { Alert, Button, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCapture as FaceResult, SignatureCapture } from '../../../../common/capture/schemas';
import { sha256Hex } from '../../../../common/capture/signatureBinding';
import type { ApplicantSigningView, ManualFace, SigningOutcome } from '../../../../common/contract/methods/applicant';
import { FaceCapture, localDeviceSettings, SignaturePad } from '../../capture/index';
import { cardReference } from '../../intake/index';
import { ReadAloud } from './ReadAloud';
import { StatementView } from './StatementView';
import { statementForScreen, statementToSpeak } from './statementText';

/** One signer's signing; `manualFace`: the clerk asked for a manual face capture (手动拍摄), with the reason. */
export type SigningRequest = Omit<ApplicantSigningView, 'kind'> & {
  manualFace?: ManualFace | undefined;
  outcome?: SigningOutcome | undefined;
};
type Phase = 'sign' | 'face' | 'sending' | 'done' | 'failed';

/**
 * The one signing component of the 家庭经济状况核对授权书, for one signer, facing that signer —
 * on the applicant screen, or on the clerk's screen turned to the applicant where no applicant screen
 * is paired. One task a screen: read (or hear) the statement and sign; then the face where the county
 * asks for one (the same capture and gate as everywhere, matched against the card photo when there is
 * one — or, where the clerk asked for it with a reason, a manual one: 手动拍摄); then it is handed on.
 * The signature is bound to the SHA-256 of the canonical statement shown (the intake's, or the periodic review's).
 * `handedOn`: `onSigned` only hands the signature to the clerk's window (the applicant screen), which saves
 * it later and may be refused — so the end says 已交给工作人员, wait for the clerk, never 已提交 — until the clerk's
 * window tells the screen what became of it (`request.outcome`: 已保存, or core's reason and 重新签名).
 */
export function SigningView({
  request,
  onSigned,
  padWidth = 760,
  handedOn = false,
}: {
  request: SigningRequest;
  onSigned: (signature: SignatureCapture, face: FaceResult | null) => Promise<void>;
  padWidth?: number;
  handedOn?: boolean;
}) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>('sign');
  const [signature, setSignature] = useState<SignatureCapture | null>(null);
  const [hash, setHash] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useMemo(() => statementForScreen(request.statement, (r) => t(`applicant.roles.${r as 'member'}`)), [request.statement, t]);
  const reference = useMemo(() => cardReference(request.cardPhotoBmp), [request.cardPhotoBmp]);

  useEffect(() => {
    let live = true;
    void sha256Hex(request.statement).then((h) => live && setHash(h));
    return () => {
      live = false;
    };
  }, [request.statement]);

  // The clerk's window told what became of the signature handed on: saved, or refused with core's words.
  const outcome = request.outcome;
  useEffect(() => {
    if (!outcome) return;
    if (outcome.saved) {
      setError(null);
      setPhase('done');
    } else {
      setError(t('applicant.signing.notSaved', { reason: outcome.message ?? '' }));
      setPhase('failed');
    }
  }, [outcome, t]);

  const send = (s: SignatureCapture, face: FaceResult | null) => {
    setPhase('sending');
    setError(null);
    onSigned(s, face).then(
      () => setPhase('done'),
      // Refused (core's words): said here, and nothing is sent again until the signer signs again.
      (e: Error) => {
        setError(e.message);
        setPhase('failed');
      },
    );
  };
  const signed = (s: SignatureCapture) => {
    setSignature(s);
    if (request.faceRequired) setPhase('face');
    else send(s, null);
  };
  const faced = (face: FaceResult) => {
    // A face judged not the signer is taken again here; core would refuse it anyway.
    if (face.verdict === 'fail') setError(t('applicant.signing.faceFailed'));
    else if (signature) send(signature, face);
  };

  return (
    <div
      data-testid="signing-view"
      data-phase={phase}
      data-position={request.position}
      data-total={request.total}
      data-purpose={shown.purpose}
    >
      <Typography.Title level={1} data-testid="signing-signer" style={{ fontSize: '1.6em', marginTop: 0 }}>
        {t('applicant.signing.who', { position: request.position, total: request.total, name: request.signer.name })}
      </Typography.Title>
      {phase === 'sign' && (
        <>
          <StatementView shown={shown} />
          <div style={{ margin: '0.5em 0' }}>
            <ReadAloud text={statementToSpeak(shown)} />
          </div>
          <Typography.Title level={2} style={{ fontSize: '1.3em' }}>
            {t('applicant.signing.signHere')}
          </Typography.Title>
          {hash && (
            <SignaturePad
              signer={request.signer.name}
              documentHash={hash}
              showDocumentHash={false}
              width={padWidth}
              height={Math.round(padWidth * 0.35)}
              onCaptured={signed}
            />
          )}
        </>
      )}
      {phase === 'face' && (
        <>
          <Typography.Title level={2} style={{ fontSize: '1.3em' }} data-testid="signing-face-title">
            {t('applicant.signing.faceTitle')}
          </Typography.Title>
          <FaceCapture
            deviceId={localDeviceSettings().load().face?.deviceId ?? null}
            referencePhoto={reference}
            forApplicant
            manual={request.manualFace ?? null}
            onCaptured={faced}
          />
        </>
      )}
      {phase === 'sending' && <Alert type="info" showIcon title={t('applicant.signing.sending')} />}
      {phase === 'done' && (
        <Alert
          type={handedOn && !outcome?.saved ? 'info' : 'success'}
          showIcon
          title={t(!handedOn ? 'applicant.signing.done' : outcome?.saved ? 'applicant.signing.saved' : 'applicant.signing.handed')}
          data-testid="signing-done"
          data-outcome={handedOn && !outcome?.saved ? 'handed' : 'saved'}
        />
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="signing-error" style={{ marginTop: 12 }} />}
      {(phase === 'face' || phase === 'failed') && signature && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => {
            setError(null);
            setPhase('sign');
          }}
          data-testid="signing-resign"
        >
          {t('applicant.signing.signAgain')}
        </Button>
      )}
    </div>
  );
}
