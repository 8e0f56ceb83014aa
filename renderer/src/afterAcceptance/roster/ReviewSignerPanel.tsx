import { Alert } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FaceCapture, SignatureCapture } from '../../../../common/capture/schemas';
import { authorizationStatement } from '../../../../common/capture/signatureBinding';
import { call } from '../../api/client';
import { SigningRoute, type SigningRequest } from '../../applicant/index';
import type { ReviewViewData } from './ReviewDrawer';

type Review = NonNullable<ReviewViewData['review']>;
type Signer = ReviewViewData['signers'][number];

/**
 * One adult re-signs the authorization of this review on the applicant's side, in the same signing
 * view as at the intake (applicant/SigningRoute.tsx): their own statement for this review — the text
 * core binds the signature to (`review.statementRef`) — shown in words, n of N, the face where the
 * county asks. What arrives is saved with `reviews.authorize` at the review's current version.
 */
export function ReviewSignerPanel({
  view,
  review,
  signer,
  onSigned,
}: {
  view: ReviewViewData;
  review: Review;
  signer: Signer;
  onSigned: (v: ReviewViewData) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A signature may arrive after another step moved the review on: always the version the drawer holds now.
  const version = useRef(review.version);
  version.current = review.version;
  const index = view.signers.findIndex((s) => s.idNumber === signer.idNumber);
  const total = view.signers.length;
  const request = useMemo<SigningRequest>(
    () => ({
      signer: { name: signer.name, role: signer.role },
      position: index + 1,
      total,
      statement: authorizationStatement({ name: signer.name, idNumber: signer.idNumber, role: signer.role }, review.statementRef),
      faceRequired: view.faceRequired,
    }),
    [signer.name, signer.idNumber, signer.role, index, total, review.statementRef, view.faceRequired],
  );
  const persist = useCallback(
    async (signature: SignatureCapture, face: FaceCapture | null): Promise<string | null> => {
      setBusy(true);
      setError(null);
      try {
        onSigned(
          await call('reviews.authorize', {
            reviewId: review.id,
            version: version.current,
            signerIdNumber: signer.idNumber,
            signature,
            face,
          }),
        );
        return null;
      } catch (e) {
        setError((e as Error).message);
        return (e as Error).message;
      } finally {
        setBusy(false);
      }
    },
    [review.id, signer.idNumber, onSigned],
  );
  return (
    <div data-testid="review-sign-panel" style={{ marginTop: 12 }}>
      <SigningRoute request={request} busy={busy} persist={persist} onError={setError} />
      {error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={error} data-testid="review-sign-error" />}
    </div>
  );
}
