import type { Migration } from '../migrate';

/**
 * The platform's refusal of a record kept in its machine form (issue 16 item 1): beside the zh-CN
 * `reason`, the wire error's code and details as JSON (`{"code", "details"}`), so a feature can tell
 * what kind of refusal it was (a refused `roster.imported`: another station's household, or one that
 * differs from the platform's) without reading the words. Older answers have none.
 */
export const m0890outboxAnswerError: Migration = {
  version: 890,
  name: '0890-outbox-answer-error',
  up(db) {
    db.exec('ALTER TABLE outbox ADD COLUMN answer_error TEXT');
  },
};
