import type { QueryClient } from '@tanstack/react-query';
import { authorizationStatement } from '../../../../common/capture/signatureBinding';
import type { MethodOutput } from '../../../../common/contract/index';
import { intakeStatementRef } from '../../../../common/contract/methods/cases';
import { call } from '../../api/client';
import type { SigningRequest } from '../../applicant/index';
import type { Signer } from './SignerList';

type Detail = MethodOutput<'cases.get'>;

/** The case as the screen already has it (the wizard's or the case page's query), else read once. */
async function caseDetail(client: QueryClient, caseId: string): Promise<Detail> {
  return (
    client.getQueryData<Detail>(['intake.detail', caseId]) ??
    client.getQueryData<Detail>(['cases.get', caseId]) ??
    call('cases.get', { caseId })
  );
}

/**
 * What the signing view needs for one signer of this case: the canonical statement core binds the
 * signature to (this signer, this application), which signer of how many, the face rule, the card photo.
 */
export async function signingRequest(
  client: QueryClient,
  caseId: string,
  signer: Signer,
  faceRequired: boolean,
  cardPhotoBmp: string | undefined,
): Promise<SigningRequest> {
  const signers = (await caseDetail(client, caseId)).requiredSigners;
  const index = signers.findIndex((s) => s.idNumber === signer.idNumber);
  return {
    signer: { name: signer.name, role: signer.role },
    position: index >= 0 ? index + 1 : 1,
    total: Math.max(signers.length, 1),
    statement: authorizationStatement({ name: signer.name, idNumber: signer.idNumber, role: signer.role }, intakeStatementRef(caseId)),
    faceRequired,
    ...(cardPhotoBmp ? { cardPhotoBmp } : {}),
  };
}
