import { JiuzhuError, isJiuzhuError } from '../../../../../common/contract/errors';
import { WLT_PHOTO_BYTES, idCardSchema, type IdCard } from '../../../../../common/idcard/card';
import { translate } from '../../../../../common/i18n/translate';
import type { RawCardRead } from '../backend';
import type { PhotoDecoder } from '../photo/photoDecoder';
import { frameError } from '../protocol/frameError';
import { parseTextBlock } from '../parse/textBlock';

export type PhotoStatus = 'decoded' | 'needs-decoder' | 'decode-failed' | 'absent';

/** A parsed card, with the photo's bytes beside the JSON (which carries only format and size). */
export interface CardRead {
  card: IdCard;
  photo: {
    status: PhotoStatus;
    /** zh-CN line for the clerk, e.g. 照片需厂商解码库. */
    message: string;
    wlt?: Uint8Array;
    bmp?: Uint8Array;
  };
  fingerprint?: Uint8Array;
  cardKey?: string;
}

export interface BuildCardOptions {
  today: string;
  photoDecoder?: PhotoDecoder;
}

/** Parse, decode the photo when a vendor decoder is configured, and validate against the card schema. */
export async function buildCard(raw: RawCardRead, options: BuildCardOptions): Promise<CardRead> {
  const text = raw.text.kind === 'block' ? parseTextBlock(raw.text.block, { today: options.today }) : raw.text.fields;
  const { wlt } = raw.photo;
  if (wlt && wlt.length !== WLT_PHOTO_BYTES) throw frameError('payload', { photoBytes: wlt.length });
  const photo = await photoOf(raw.photo, options.photoDecoder);
  const candidate: IdCard = {
    ...text,
    ...(raw.appendedAddress ? { appendedAddress: raw.appendedAddress } : {}),
    ...(photo.bmp ? { photo: { format: 'bmp', size: photo.bmp.length } } : wlt ? { photo: { format: 'wlt', size: wlt.length } } : {}),
    ...(raw.samId ? { samId: raw.samId } : {}),
  };
  const checked = idCardSchema.safeParse(candidate);
  if (!checked.success) {
    const path = checked.error.issues[0]?.path.join('.') ?? '';
    throw new JiuzhuError('IDCARD_BAD_FIELD', { field: path, value: '格式不符' }, { field: path });
  }
  return {
    card: checked.data,
    photo,
    ...(raw.fingerprint ? { fingerprint: raw.fingerprint } : {}),
    ...(raw.cardKey ? { cardKey: raw.cardKey } : {}),
  };
}

async function photoOf(photo: RawCardRead['photo'], decoder: PhotoDecoder | undefined): Promise<CardRead['photo']> {
  const { wlt, bmp } = photo;
  const keep = { ...(wlt ? { wlt } : {}) };
  if (bmp) return { status: 'decoded', message: translate('idcard.photoDecoded'), ...keep, bmp };
  if (!wlt) return { status: 'absent', message: translate('idcard.photoAbsent') };
  if (!decoder) return { status: 'needs-decoder', message: translate('idcard.photoNeedsDecoder'), wlt };
  try {
    return { status: 'decoded', message: translate('idcard.photoDecoded'), wlt, bmp: await decoder.decode(wlt) };
  } catch (error) {
    // The text is still good: a broken decoder costs the photo, never the card.
    const reason = isJiuzhuError(error) ? error.message : String(error);
    return { status: 'decode-failed', message: translate('idcard.photoDecodeFailed', { reason }), wlt };
  }
}
