import type { Migration } from '../migrate';

/**
 * Sync (main/core/sync/engine): the crypto suite the workstation enrolled with, pinned with the
 * platform's keys. Every later message is sealed with it and a message naming another suite is
 * refused, so a station cannot be downgraded. Registrations made before the 国密 suite existed
 * used the international one.
 */
export const m0790syncSuite: Migration = {
  version: 790,
  name: '0790-sync-suite',
  up(db) {
    db.exec(`ALTER TABLE sync_registration ADD COLUMN suite TEXT NOT NULL DEFAULT 'X25519-ED25519-AES256GCM-v1'
      CHECK (suite IN ('X25519-ED25519-AES256GCM-v1', 'SM2-SM3-SM4GCM-v1'))`);
  },
};
