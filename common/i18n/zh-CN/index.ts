import { applicant } from './applicant';
import { base } from './base';
import { capture } from './capture';
import { cases } from './cases';
import { documents } from './documents';
import { idcard } from './idcard';
import { roster } from './roster';
import { store } from './store';
import { sync } from './sync';

/**
 * The one message catalog. zh-CN is the language of every user; the renderer feeds this object to
 * i18next and core resolves error messages from it with `translate`, so a message is written once.
 * Placeholders use i18next's {{name}} form. Each capability keeps its messages in its own file;
 * the keys under `errors` are the error codes (see contract/errors.ts).
 */
export const zhCN = {
  ...idcard,
  ...store,
  ...documents,
  ...sync,
  ...capture,
  ...cases,
  ...applicant,
  ...roster,
  ...base,
  errors: { ...base.errors, ...idcard.errors, ...store.errors, ...documents.errors, ...sync.errors, ...capture.errors, ...cases.errors, ...roster.errors, ...applicant.errors },
} as const;

export type Catalog = typeof zhCN;
