import { useState } from 'react';
import type { FaceCapture } from '../../../../common/capture/schemas';
import { cardPhotoInput } from './cardPhoto';

type CardPhoto = Awaited<ReturnType<typeof cardPhotoInput>>;

/**
 * Saving one signer's authorization, on either route: the draft saved first (so its case id is
 * known), the card photo as core takes it, then the route's own call; busy while it runs, and its
 * error kept for the panel to show.
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
  const save = async (send: (caseId: string, cardPhoto: CardPhoto) => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const { caseId } = await ensureSaved();
      await send(caseId, await cardPhotoInput(cardPhotoBmp, face));
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, save };
}
