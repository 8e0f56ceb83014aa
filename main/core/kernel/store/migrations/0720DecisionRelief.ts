import type { Migration } from '../migrate';

/**
 * `case_decision.relief`: how a 临时救助 decision's total is paid (form, what is given in kind,
 * instalments), as JSON — kept with the decision so one recorded as not applied can be retried
 * (`decisions.retry`) with the payment details the county sent. Null for every other decision.
 */
export const m0720decisionRelief: Migration = {
  version: 720,
  name: '0720-decision-relief',
  up(db) {
    db.exec('ALTER TABLE case_decision ADD COLUMN relief TEXT');
  },
};
