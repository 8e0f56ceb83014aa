import type { MethodOutput } from '../../../../common/contract/index';

type Detail = MethodOutput<'cases.get'>;

/** Where a signer stands, for the clerk: 等待签字, 已签, or 已签 with the face left for review (人脸待复核, core's verdict). */
export type SignerStatus = 'waiting' | 'signed' | 'faceReview';

export const signerStatus = (signer: Detail['requiredSigners'][number], auth: Detail['authorizations'][number] | undefined): SignerStatus =>
  !signer.signed ? 'waiting' : auth?.face?.verdict === 'review' ? 'faceReview' : 'signed';

/** The signer to send next: the first one still waiting, none while a signer is at it. */
export const nextSigner = <S extends { signed: boolean }>(signers: readonly S[], active: string | null): S | undefined => (active === null ? signers.find((s) => !s.signed) : undefined);
