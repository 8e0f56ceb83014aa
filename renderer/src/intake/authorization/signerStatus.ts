import type { MethodOutput } from '../../../../common/contract/index';
import { signerStatusOf, type SignerStatus } from '../../applicant/signerStatus';

type Detail = MethodOutput<'cases.get'>;

export { nextSigner, type SignerStatus } from '../../applicant/signerStatus';

/** An intake signer's status: core's verdict on the face of the authorization on file. */
export const signerStatus = (signer: Detail['requiredSigners'][number], auth: Detail['authorizations'][number] | undefined): SignerStatus =>
  signerStatusOf(signer.signed, auth?.face?.verdict);
