/**
 * The station's certificate signing key (Ed25519). Generated locally the first time a 救助证明 is
 * issued and kept in the encrypted store, table `signing_key` (source 'local'; the private key in
 * PKCS#8 DER, the public key in SPKI DER). The sync engine registers the public key with the city
 * platform later (it sets `registered_at`) and adds other stations' public keys with source
 * 'platform', so the same table is the keyring certificates are verified against.
 *
 * Issuer id: the station's 6-digit region code followed by the first 6 hex digits (upper case) of
 * the SHA-256 of the public key, e.g. 500110A1B2C3 — stable, fits the payload's [A-Za-z0-9]{2,16}.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Clock, Db } from '../../store/types';

export interface StationSigningKey {
  issuerId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function issuerIdFor(regionCode: string, publicDer: Buffer): string {
  return `${regionCode}${createHash('sha256').update(publicDer).digest('hex').slice(0, 6).toUpperCase()}`;
}

/** The station's key, created (in the caller's transaction, if any) when it does not exist yet. */
export function stationSigningKey(db: Db, clock: Clock): StationSigningKey {
  const row = db.prepare("SELECT issuer_id, private_key FROM signing_key WHERE source = 'local' AND purpose = 'certificate' AND private_key IS NOT NULL ORDER BY created_at LIMIT 1").get() as
    | { issuer_id: string; private_key: Buffer }
    | undefined;
  if (row) {
    const privateKey = createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' });
    return { issuerId: row.issuer_id, privateKey, publicKey: createPublicKey(privateKey) };
  }
  const region = (db.prepare('SELECT region_code FROM station WHERE singleton = 1').pluck().get() as string | undefined) ?? '000000';
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicDer = publicKey.export({ format: 'der', type: 'spki' });
  const privateDer = privateKey.export({ format: 'der', type: 'pkcs8' });
  const issuerId = issuerIdFor(region, publicDer);
  db.prepare("INSERT INTO signing_key (issuer_id, purpose, public_key, private_key, source, created_at) VALUES (?, 'certificate', ?, ?, 'local', ?)").run(
    issuerId,
    publicDer,
    privateDer,
    clock.now().toISOString(),
  );
  privateDer.fill(0);
  return { issuerId, privateKey, publicKey };
}

/** The keyring: the public key of an issuer (this station's or one the platform sent), if known. */
export function issuerPublicKey(db: Db, issuerId: string): KeyObject | undefined {
  const der = db.prepare('SELECT public_key FROM signing_key WHERE issuer_id = ?').pluck().get(issuerId) as Buffer | undefined;
  return der ? createPublicKey({ key: der, format: 'der', type: 'spki' }) : undefined;
}
