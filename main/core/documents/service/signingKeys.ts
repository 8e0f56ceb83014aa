/**
 * The station's certificate signing key. Generated locally the first time a 救助证明 is issued and
 * kept in the encrypted store, table `signing_key` (source 'local'; the private key in PKCS#8 DER,
 * the public key in SPKI DER). The sync engine registers the public key with the city platform
 * later (it sets `registered_at`) and adds other stations' public keys with source 'platform', so
 * the same table is the keyring certificates are verified against.
 *
 * Algorithm: the station's pinned sync suite decides (`sync_registration.suite`, fixed at
 * enrolment and never talked down): SM2 when it is 国密 (`SM2-SM3-SM4GCM-v1`), Ed25519 otherwise
 * and before enrolment. A station enrolled 国密 after issuing Ed25519 certificates gets an SM2 key
 * for new ones; its Ed25519 key stays in the keyring, so the papers already out keep verifying.
 *
 * Issuer id: the station's 6-digit region code followed by the first 6 hex digits (upper case) of
 * the SHA-256 of the public key's SPKI, e.g. 500110A1B2C3 — stable, fits the payload's [A-Za-z0-9]{2,16}.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { CertificateAlgorithm } from '../../../../common/documents/certificatePayload';
import { sm2GenerateKeyPair } from '../../../../sync-protocol/gm/index';
import type { Clock, Db } from '../../kernel/store/types';
import {
  algorithmOfSpki,
  publicKeyFromSpki,
  sm2FromPkcs8,
  sm2Pkcs8,
  sm2Spki,
  type CertificatePublicKey,
  type CertificateSigningKey,
} from '../certificate/keys';
import { SigningKeyRepo } from './signingKeyRepo';

export interface StationSigningKey {
  issuerId: string;
  algorithm: CertificateAlgorithm;
  privateKey: CertificateSigningKey;
  publicKey: CertificatePublicKey;
}

export function issuerIdFor(regionCode: string, publicDer: Buffer): string {
  return `${regionCode}${createHash('sha256').update(publicDer).digest('hex').slice(0, 6).toUpperCase()}`;
}

/** The algorithm new certificates are signed with: SM2 where the pinned sync suite is 国密. */
export function certificateAlgorithmOf(db: Db): CertificateAlgorithm {
  const suite = new SigningKeyRepo(db).pinnedSuite();
  return suite === 'SM2-SM3-SM4GCM-v1' ? 'sm2' : 'ed25519';
}

function fromRow(issuerId: string, publicDer: Buffer, privateDer: Buffer): StationSigningKey | undefined {
  const algorithm = algorithmOfSpki(publicDer);
  if (algorithm === 'sm2') {
    const pair = sm2FromPkcs8(privateDer);
    return pair && { issuerId, algorithm, privateKey: pair, publicKey: { algorithm: 'sm2', publicKey: pair.publicKey } };
  }
  if (algorithm !== 'ed25519') return undefined;
  const privateKey = createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' });
  return { issuerId, algorithm, privateKey, publicKey: createPublicKey(privateKey) };
}

function generate(algorithm: CertificateAlgorithm): { publicDer: Buffer; privateDer: Buffer } {
  if (algorithm === 'sm2') {
    const { privateKey, publicKey } = sm2GenerateKeyPair();
    const privateDer = sm2Pkcs8(privateKey, publicKey);
    privateKey.fill(0);
    return { publicDer: sm2Spki(publicKey), privateDer };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { publicDer: publicKey.export({ format: 'der', type: 'spki' }), privateDer: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

/** The station's key of its algorithm, created (in the caller's transaction, if any) when it does not exist yet. */
export function stationSigningKey(db: Db, clock: Clock): StationSigningKey {
  const repo = new SigningKeyRepo(db);
  const algorithm = certificateAlgorithmOf(db);
  const rows = repo.localCertificateKeys();
  const row = rows.find((r) => algorithmOfSpki(r.public_key) === algorithm);
  const existing = row && fromRow(row.issuer_id, row.public_key, row.private_key);
  if (existing) return existing;
  const region = repo.regionCode() ?? '000000';
  const { publicDer, privateDer } = generate(algorithm);
  const issuerId = issuerIdFor(region, publicDer);
  repo.insertLocalCertificateKey({ issuerId, publicDer, privateDer, at: clock.now().toISOString() });
  const made = fromRow(issuerId, publicDer, privateDer)!;
  privateDer.fill(0);
  return made;
}

/** The keyring: the public key of an issuer (this station's or one the platform sent), if known. */
export function issuerPublicKey(db: Db, issuerId: string): CertificatePublicKey | undefined {
  const der = new SigningKeyRepo(db).publicKeyOf(issuerId);
  return der ? publicKeyFromSpki(der) : undefined;
}
