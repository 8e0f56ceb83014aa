/**
 * The signed payload in a 救助证明's QR code. Compact text, because a phone must scan it off paper:
 *
 *   JZC2|<algorithm>|<certificate id>|<holder, masked>|<ID last 4>|<category code>|<monthly fen>|<since YYYYMM>|<valid until YYYYMMDD>|<issuer id>|<signature, base64url>
 *
 * `<algorithm>` is `ED25519` (RFC 8032) or `SM2` (GB/T 32918.2 with Z over the default id
 * 1234567812345678 and SM3, signature r ‖ s, 64 bytes — the sync suite's SM2, docs/sync-protocol.md
 * §3.2.2). The signature covers the UTF-8 bytes of everything before the last '|', the algorithm
 * name included, so a payload cannot be re-labelled. Certificates printed before the algorithm was
 * named carry `JZC1|<certificate id>|…|<signature>` (no algorithm field): Ed25519, still verified.
 * The issuer id names the station whose key signed it; verifiers look its public key up (the sync
 * registers station keys with the platform; until then a station's key is local) and a key of
 * another algorithm than the payload names is a bad signature.
 */
import { sign, verify } from 'node:crypto';
import { JiuzhuError } from '../../../../common/contract/errors';
import {
  CATEGORY_CODES,
  categoryFromCode,
  certificateFactsSchema,
  type CertificateAlgorithm,
  type CertificateFacts,
  type VerifiedCertificate,
} from '../../../../common/documents/certificatePayload';
import { localIsoDate } from '../../../../common/format/dates';
import { sm2Sign, sm2Verify } from '../../../../sync-protocol/gm/index';
import { algorithmOfKey, type CertificatePublicKey, type CertificateSigningKey } from './keys';

export const PAYLOAD_PREFIX = 'JZC2';
const LEGACY_PREFIX = 'JZC1';
/** Fields of a version 1 payload, prefix and signature included; version 2 adds the algorithm. */
const FIELDS = 10;
const ALGORITHM_NAMES: Record<CertificateAlgorithm, string> = { ed25519: 'ED25519', sm2: 'SM2' };

/** Does this text look like a certificate payload (either version), rather than a typed 证明编号? */
export const isCertificatePayload = (text: string): boolean =>
  text.startsWith(`${PAYLOAD_PREFIX}|`) || text.startsWith(`${LEGACY_PREFIX}|`);

export function signCertificatePayload(facts: CertificateFacts, key: CertificateSigningKey): string {
  const f = certificateFactsSchema.parse(facts);
  const parts = [
    PAYLOAD_PREFIX,
    ALGORITHM_NAMES[algorithmOfKey(key)],
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
  const body = Buffer.from(parts.join('|'), 'utf8');
  const signature = 'algorithm' in key ? sm2Sign(key.privateKey, key.publicKey, body) : sign(null, body, key);
  return `${parts.join('|')}|${signature.toString('base64url')}`;
}

/** A public key, or a lookup from issuer id to the issuer's public key (undefined: unknown issuer). */
export type IssuerKeys = CertificatePublicKey | ((issuerId: string) => CertificatePublicKey | undefined);

export interface VerifyOptions {
  /** Today as YYYY-MM-DD (an injected clock); a certificate past its valid-until date is expired. */
  today?: string;
}

const malformed = (why: string) => new JiuzhuError('CERT_MALFORMED', {}, { reason: why });

/** The payload split into its algorithm, the ten fields of version 1 (prefix … signature), and the signed text. */
function split(text: string): { algorithm: CertificateAlgorithm; parts: string[]; signed: string } | null {
  const cut = text.lastIndexOf('|');
  const all = text.split('|');
  if (all[0] === LEGACY_PREFIX && all.length === FIELDS) return { algorithm: 'ed25519', parts: all, signed: text.slice(0, cut) };
  if (all[0] !== PAYLOAD_PREFIX || all.length !== FIELDS + 1) return null;
  const algorithm = (Object.keys(ALGORITHM_NAMES) as CertificateAlgorithm[]).find((a) => ALGORITHM_NAMES[a] === all[1]);
  return algorithm ? { algorithm, parts: [all[0], ...all.slice(2)], signed: text.slice(0, cut) } : null;
}

function signatureVerifies(algorithm: CertificateAlgorithm, key: CertificatePublicKey, signed: string, signature: Buffer): boolean {
  if (algorithmOfKey(key) !== algorithm) return false;
  const message = Buffer.from(signed, 'utf8');
  return 'algorithm' in key ? sm2Verify(key.publicKey, message, signature) : verify(null, message, key, signature);
}

/**
 * Check a scanned payload: returns the facts it carries and the algorithm whose signature was
 * checked, or throws a JiuzhuError with code CERT_MALFORMED (not ours / truncated),
 * CERT_UNKNOWN_ISSUER, CERT_BAD_SIGNATURE (forged or altered) or CERT_EXPIRED (genuine but out of
 * date; details carry the facts and the algorithm).
 */
export function verifyCertificatePayload(text: string, keys: IssuerKeys, opts: VerifyOptions = {}): VerifiedCertificate {
  const trimmed = text.trim();
  const payload = split(trimmed);
  if (!payload) throw malformed('structure');
  const { algorithm, parts, signed } = payload;
  const [, certificateId, holder, idTail, code, fen, since, validUntil, issuerId, sig] = parts as [string, ...string[]];
  const key = typeof keys === 'function' ? keys(issuerId!) : keys;
  if (!key) throw new JiuzhuError('CERT_UNKNOWN_ISSUER', { issuer: issuerId! }, { issuerId, algorithm });
  const signature = Buffer.from(sig!, 'base64url');
  if (signature.length !== 64 || signature.toString('base64url') !== sig) throw malformed('signature encoding');
  if (!signatureVerifies(algorithm, key, signed, signature)) {
    throw new JiuzhuError('CERT_BAD_SIGNATURE', {}, { certificateId, issuerId, algorithm });
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
    throw new JiuzhuError('CERT_EXPIRED', { validUntil: facts.validUntil }, { facts, algorithm });
  }
  return { ...facts, algorithm };
}

/**
 * What a payload claims, read without checking the signature: shown beside a "tampered" or
 * "unknown issuer" verdict so staff see what the paper asserts. Fields that do not parse are left out.
 */
export function statedFacts(text: string): Partial<CertificateFacts> | null {
  const payload = split(text.trim());
  if (!payload) return null;
  const [, certificateId, holder, idTail, code, fen, since, validUntil, issuerId] = payload.parts as [string, ...string[]];
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
  put(
    'validUntil',
    /^\d{8}$/.test(validUntil!) ? `${validUntil!.slice(0, 4)}-${validUntil!.slice(4, 6)}-${validUntil!.slice(6)}` : validUntil,
  );
  put('issuerId', issuerId);
  return out;
}
