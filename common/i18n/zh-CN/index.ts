import { applicant } from './applicant';
import { base } from './base';
import { capture } from './capture';
import { cases } from './cases';
import { countySettings } from './countySettings';
import { desktop } from './desktop';
import { certification } from './certification';
import { changes } from './afterAcceptance/changes';
import { documents } from './documents';
import { idcard } from './idcard';
import { roster } from './afterAcceptance/roster';
import { reviews } from './afterAcceptance/reviews';
import { relief } from './afterAcceptance/relief';
import { stats } from './stats';
import { store } from './store';
import { sync } from './sync';
import { visitEvidence } from './afterAcceptance/visitEvidence';
import { admin } from './admin';
import { fields } from './fields';
import { labels } from './labels';
import { session } from './session';
import { ratings } from './ratings';
import { diagnostics } from './diagnostics';
import { updates } from './updates';
import { rosterImport } from './rosterImport';
import { onlineApplications } from './onlineApplications';
import { files } from './files';
import { verification } from './verification';
import { keyProvider } from './keyProvider';
import { mergeCatalogGroups } from './merge';

/**
 * The one message catalog. zh-CN is the language of every user; the renderer feeds this object to
 * i18next and core resolves error messages from it with `translate`, so a message is written once.
 * Placeholders use i18next's {{name}} form. Each capability keeps its messages in its own file;
 * the keys under `errors` are the error codes (see contract/errors.ts). Groups may share a section
 * (`errors`, `home`); a key defined twice throws when this module loads (merge.ts).
 */
export const zhCN = mergeCatalogGroups(
  idcard,
  store,
  documents,
  sync,
  capture,
  cases,
  countySettings,
  applicant,
  roster,
  reviews,
  relief,
  changes,
  certification,
  stats,
  visitEvidence,
  desktop,
  fields,
  labels,
  session,
  admin,
  ratings,
  diagnostics,
  updates,
  rosterImport,
  onlineApplications,
  files,
  keyProvider,
  verification,
  base,
);

export type Catalog = typeof zhCN;
