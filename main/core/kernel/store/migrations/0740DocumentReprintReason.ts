import type { Migration } from '../migrate';

/** Why a 补打 copy was printed (遗失, 损毁, 字迹不清, 其他 with words): kept on the copy's row, null on originals. */
export const m0740documentReprintReason: Migration = {
  version: 740,
  name: '0740-document-reprint-reason',
  up(db) {
    db.exec(`
      ALTER TABLE document ADD COLUMN reprint_reason TEXT CHECK (reprint_reason IN ('lost', 'damaged', 'unreadable', 'other'));
      ALTER TABLE document ADD COLUMN reprint_note TEXT;
    `);
  },
};
