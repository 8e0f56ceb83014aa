import type { Migration } from '../migrate';

/**
 * What binds an authorization: the SHA-256 of the statement signed and of the signature image
 * (checked against the stored bytes), and the face check's scores (match, liveness, quality,
 * a manual capture's reason) kept with the face photo.
 */
export const m0110authorizationBinding: Migration = {
  version: 110,
  name: '0110-authorization-binding',
  up(db) {
    db.exec(`
      ALTER TABLE case_authorization ADD COLUMN document_hash TEXT;
      ALTER TABLE case_authorization ADD COLUMN signature_sha256 TEXT;
      ALTER TABLE case_authorization ADD COLUMN face_result TEXT;
    `);
  },
};
