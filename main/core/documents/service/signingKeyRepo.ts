import type { Db } from '../../kernel/store/types';

/** A key this station made for signing certificates (PKCS#8 and SPKI DER). */
export interface LocalSigningKeyRow {
  issuer_id: string;
  public_key: Buffer;
  private_key: Buffer;
}

/** The statements of the certificate keyring (`signing_key`) and the two station facts a key depends on. */
export class SigningKeyRepo {
  constructor(private readonly db: Db) {}

  /** The sync suite pinned at enrolment (`sync_registration.suite`), undefined before enrolment. */
  pinnedSuite(): string | undefined {
    return this.db.prepare('SELECT suite FROM sync_registration WHERE id = 1').pluck().get() as string | undefined;
  }

  /** The station's 6-digit region code, undefined before first-run setup. */
  regionCode(): string | undefined {
    return this.db.prepare('SELECT region_code FROM station WHERE singleton = 1').pluck().get() as string | undefined;
  }

  /** The station's own certificate keys that still hold their private key, oldest first. */
  localCertificateKeys(): LocalSigningKeyRow[] {
    return this.db
      .prepare(
        "SELECT issuer_id, public_key, private_key FROM signing_key WHERE source = 'local' AND purpose = 'certificate' AND private_key IS NOT NULL ORDER BY created_at",
      )
      .all() as LocalSigningKeyRow[];
  }

  insertLocalCertificateKey(k: { issuerId: string; publicDer: Buffer; privateDer: Buffer; at: string }): void {
    this.db
      .prepare(
        "INSERT INTO signing_key (issuer_id, purpose, public_key, private_key, source, created_at) VALUES (?, 'certificate', ?, ?, 'local', ?)",
      )
      .run(k.issuerId, k.publicDer, k.privateDer, k.at);
  }

  /** The public key (SPKI DER) of an issuer in the keyring, this station's or one the platform sent. */
  publicKeyOf(issuerId: string): Buffer | undefined {
    return this.db.prepare('SELECT public_key FROM signing_key WHERE issuer_id = ?').pluck().get(issuerId) as Buffer | undefined;
  }
}
