/** Where a signer stands, for the clerk: 等待签字, 已签, or 已签 with the face left for review (人脸待复核, core's verdict). */
export type SignerStatus = 'waiting' | 'signed' | 'faceReview';

/** The status from what core says of a signer: signed or not, and its verdict on the face given with the signature. */
export const signerStatusOf = (signed: boolean, faceVerdict: string | null | undefined): SignerStatus =>
  !signed ? 'waiting' : faceVerdict === 'review' ? 'faceReview' : 'signed';

/** The signer to send next: the first one still waiting, none while a signer is at it. */
export const nextSigner = <S extends { signed: boolean }>(signers: readonly S[], active: string | null): S | undefined =>
  active === null ? signers.find((s) => !s.signed) : undefined;
