/**
 * The signed payload in a 救助证明's QR code. Compact text, because a phone must scan it off paper:
 *
 *   JZC1|<certificate id>|<holder, masked>|<ID last 4>|<category code>|<monthly fen>|<since YYYYMM>|<valid until YYYYMMDD>|<issuer id>|<Ed25519 signature, base64url>
 *
 * The signature covers the UTF-8 bytes of everything before the last '|'. The issuer id names the
 * station whose key signed it; verifiers look its public key up (the sync registers station keys
 * with the platform; until then a station's key is local).
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import {
  CATEGORY_CODES,
  categoryFromCode,
  certificateFactsSchema,
  type CertificateFacts,
} from '../../../../common/documents/certificatePayload';
import { localIsoDate } from '../../../../common/format/dates';

export const PAYLOAD_PREFIX = 'JZC1';
const FIELDS = 10;

export function signCertificatePayload(facts: CertificateFacts, privateKey: KeyObject): string {
  const f = certificateFactsSchema.parse(facts);
  const parts = [
    PAYLOAD_PREFIX,
    f.certificateId,
    f.holder,
    f.idTail,
    CATEGORY_CODES[f.category],
    String(f.monthlyAmountFen),
    f.since.replace('-', ''),
    f.validUntil.replace(/-/g, ''),
    f.issuerId,
  ];
  if (parts.some((p) => p.includes('|'))) throw new RangeError('certificate payload fields must not contain |');
  const body = parts.join('|');
  const signature = sign(null, Buffer.from(body, 'utf8'), privateKey).toString('base64url');
  return `${body}|${signature}`;
}

/** A public key, or a lookup from issuer id to the issuer's public key (undefined: unknown issuer). */
export type IssuerKeys = KeyObject | ((issuerId: string) => KeyObject | undefined);

export interface VerifyOptions {
  /** Today as YYYY-MM-DD (an injected clock); a certificate past its valid-until date is expired. */
  today?: string;
}

const malformed = (why: string) => new JiuzhuError('CERT_MALFORMED', {}, { reason: why });

/**
 * Check a scanned payload: returns the facts it carries, or throws a JiuzhuError with code
 * CERT_MALFORMED (not ours / truncated), CERT_UNKNOWN_ISSUER, CERT_BAD_SIGNATURE (forged or altered)
 * or CERT_EXPIRED (genuine but out of date; details carry the facts).
 */
export function verifyCertificatePayload(text: string, keys: IssuerKeys, opts: VerifyOptions = {}): CertificateFacts {
  const trimmed = text.trim();
  const cut = trimmed.lastIndexOf('|');
  const parts = trimmed.split('|');
  if (parts.length !== FIELDS || parts[0] !== PAYLOAD_PREFIX || cut < 0) throw malformed('structure');
  const [, certificateId, holder, idTail, code, fen, since, validUntil, issuerId, sig] = parts as [string, ...string[]];
  const key = typeof keys === 'function' ? keys(issuerId!) : keys;
  if (!key) throw new JiuzhuError('CERT_UNKNOWN_ISSUER', { issuer: issuerId! }, { issuerId });
  const signature = Buffer.from(sig!, 'base64url');
  if (signature.length !== 64 || signature.toString('base64url') !== sig) throw malformed('signature encoding');
  if (!verify(null, Buffer.from(trimmed.slice(0, cut), 'utf8'), key, signature)) {
    throw new JiuzhuError('CERT_BAD_SIGNATURE', {}, { certificateId, issuerId });
  }
  const category = categoryFromCode(code!);
  const parsed = certificateFactsSchema.safeParse({
    certificateId,
    holder,
    idTail,
    category,
    monthlyAmountFen: /^\d{1,15}$/.test(fen!) ? Number(fen) : NaN,
    since: /^\d{6}$/.test(since!) ? `${since!.slice(0, 4)}-${since!.slice(4)}` : since,
    validUntil: /^\d{8}$/.test(validUntil!) ? `${validUntil!.slice(0, 4)}-${validUntil!.slice(4, 6)}-${validUntil!.slice(6)}` : validUntil,
    issuerId,
  });
  if (!parsed.success) throw malformed('fields');
  const facts = parsed.data;
  const today = opts.today ?? localIsoDate(new Date());
  if (today > facts.validUntil) {
    throw new JiuzhuError('CERT_EXPIRED', { validUntil: facts.validUntil }, { facts });
  }
  return facts;
}

/**
 * What a payload claims, read without checking the signature: shown beside a "tampered" or
 * "unknown issuer" verdict so staff see what the paper asserts. Fields that do not parse are left out.
 */
export function statedFacts(text: string): Partial<CertificateFacts> | null {
  const parts = text.trim().split('|');
  if (parts.length !== FIELDS || parts[0] !== PAYLOAD_PREFIX) return null;
  const [, certificateId, holder, idTail, code, fen, since, validUntil, issuerId] = parts as [string, ...string[]];
  const shape = certificateFactsSchema.shape;
  const out: Partial<CertificateFacts> = {};
  const put = <K extends keyof CertificateFacts>(key: K, value: unknown) => {
    const r = shape[key].safeParse(value);
    if (r.success) out[key] = r.data as CertificateFacts[K];
  };
  put('certificateId', certificateId);
  put('holder', holder);
  put('idTail', idTail);
  put('category', categoryFromCode(code!));
  put('monthlyAmountFen', /^\d{1,15}$/.test(fen!) ? Number(fen) : NaN);
  put('since', /^\d{6}$/.test(since!) ? `${since!.slice(0, 4)}-${since!.slice(4)}` : since);
  put('validUntil', /^\d{8}$/.test(validUntil!) ? `${validUntil!.slice(0, 4)}-${validUntil!.slice(4, 6)}-${validUntil!.slice(6)}` : validUntil);
  put('issuerId', issuerId);
  return out;
}
