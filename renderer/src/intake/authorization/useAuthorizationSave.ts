import { useState } from 'react';
import type { FaceCapture } from '../../../../common/capture/schemas';
import { cardPhotoInput } from './cardPhoto';

type CardPhoto = Awaited<ReturnType<typeof cardPhotoInput>>;

/**
 * Saving one signer's authorization, on either route: the draft saved first (so its case id is
 * known), the card photo as core takes it, then the route's own call; busy while it runs, and its
 * error kept for the panel to show (and returned: null when saved).
 */
export function useAuthorizationSave({
  ensureSaved,
  cardPhotoBmp,
  face,
  onSaved,
}: {
  ensureSaved: () => Promise<{ caseId: string }>;
  cardPhotoBmp: string | undefined;
  face: FaceCapture | null;
  onSaved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** `withFace`: the face that came with this save (the signing view's), else the panel's. */
  const save = async (
    send: (caseId: string, cardPhoto: CardPhoto) => Promise<unknown>,
    withFace: FaceCapture | null = face,
  ): Promise<string | null> => {
    setBusy(true);
    setError(null);
    try {
      const { caseId } = await ensureSaved();
      await send(caseId, await cardPhotoInput(cardPhotoBmp, withFace));
      onSaved();
      return null;
    } catch (e) {
      setError((e as Error).message);
      return (e as Error).message;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, save };
}
