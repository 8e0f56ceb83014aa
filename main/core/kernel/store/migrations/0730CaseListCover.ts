import type { Migration } from '../migrate';

/**
 * `case_list_cover`: the case list's filter and sort (cases/search.ts) read (id, state, updated_at)
 * from this index for the up to 1000 cases a broad party match gives, instead of each case's row
 * (large: the application JSON), which on an encrypted store is a page decrypt per case.
 */
export const m0730caseListCover: Migration = {
  version: 730,
  name: '0730-case-list-cover',
  up(db) {
    db.exec('CREATE INDEX case_list_cover ON case_file(id, state, updated_at)');
  },
};
