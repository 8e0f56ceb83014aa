/**
 * The answer a verifier gives staff: a verdict in words and what the certificate states. A QR text
 * (from the camera frame, or typed by a handheld scanner) is checked against the keyring; a 证明编号
 * typed off the paper is looked up among the certificates this station issued.
 */
import { isJiuzhuError, JiuzhuError } from '../../../../common/contract/errors';
import type { MethodOutput } from '../../../../common/contract/index';
import {
  certificateAlgorithmSchema,
  type CertificateFacts,
  type VerifiedCertificate,
} from '../../../../common/documents/certificatePayload';
import { documents as messages } from '../../../../common/i18n/zh-CN/documents';
import { isCertificatePayload, statedFacts } from '../certificate/payload';
import { greyFromBits, readQrText } from '../certificate/qrRead';
import { certificateFacts } from '../renderers/certificate';
import { certificateSchema } from '../../../../common/documents/certificate';

export type CertificateCheck = MethodOutput<'certificate.scan'>;

const VERDICT_OF: Record<string, CertificateCheck['verdict']> = {
  CERT_BAD_SIGNATURE: 'tampered',
  CERT_UNKNOWN_ISSUER: 'unknown',
  CERT_EXPIRED: 'expired',
  CERT_MALFORMED: 'malformed',
};

export interface CertificateCheckDeps {
  verify(payload: string): VerifiedCertificate;
  /** The stored data of the original certificate with this number, if this station issued it. */
  issuedData(certificateId: string): Record<string, unknown> | null;
  today(): string;
}

/** A QR text or typed code → the verdict; errors other than the CERT_* verdicts propagate. */
export function checkCertificateCode(deps: CertificateCheckDeps, code: string): CertificateCheck {
  const text = code.trim();
  if (!isCertificatePayload(text)) return byNumber(deps, text);
  try {
    const { algorithm, ...facts } = deps.verify(text);
    return { verdict: 'valid', stated: facts, algorithm, message: messages.documents.certificateValid };
  } catch (e) {
    const verdict = isJiuzhuError(e) ? VERDICT_OF[e.code] : undefined;
    if (!verdict || !isJiuzhuError(e)) throw e;
    const stated = verdict === 'expired' ? ((e.details?.facts as CertificateFacts | undefined) ?? statedFacts(text)) : statedFacts(text);
    const algorithm = certificateAlgorithmSchema.safeParse(e.details?.algorithm);
    return { verdict, stated, algorithm: algorithm.success ? algorithm.data : null, message: e.message };
  }
}

function byNumber(deps: CertificateCheckDeps, number: string): CertificateCheck {
  if (!/^[A-Za-z0-9-]{4,32}$/.test(number)) {
    return { verdict: 'malformed', stated: null, algorithm: null, message: new JiuzhuError('CERT_MALFORMED').message };
  }
  const raw = deps.issuedData(number.toUpperCase()) ?? deps.issuedData(number);
  const parsed = raw ? certificateSchema.safeParse(raw) : null;
  if (!parsed?.success)
    return { verdict: 'unknown', stated: null, algorithm: null, message: new JiuzhuError('CERT_NUMBER_UNKNOWN', { id: number }).message };
  const facts = certificateFacts(parsed.data);
  // Found among this station's own issued records: no signature is involved.
  if (deps.today() > facts.validUntil)
    return {
      verdict: 'expired',
      stated: facts,
      algorithm: null,
      message: new JiuzhuError('CERT_EXPIRED', { validUntil: facts.validUntil }).message,
    };
  return { verdict: 'valid', stated: facts, algorithm: null, message: messages.documents.certificateValid };
}

/** A camera frame (1 bit a pixel): read the QR in core, then check it; no symbol is CERT_NO_QR. */
export function checkCertificateImage(
  deps: CertificateCheckDeps,
  image: { width: number; height: number; bits: string },
): CertificateCheck {
  let grey;
  try {
    grey = greyFromBits(image.width, image.height, Buffer.from(image.bits, 'base64'));
  } catch {
    throw new JiuzhuError('CERT_NO_QR');
  }
  const text = readQrText(grey);
  if (!text) throw new JiuzhuError('CERT_NO_QR');
  return checkCertificateCode(deps, text);
}
