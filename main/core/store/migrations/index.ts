import type { Migration } from '../migrate';
import { m0010station } from './0010-station';
import { m0020accounts } from './0020-accounts';
import { m0030audit } from './0030-audit';
import { m0040attachments } from './0040-attachments';
import { m0050outbox } from './0050-outbox';
import { m0060noticeRequests } from './0060-notice-requests';
import { m0100cases } from './0100-cases';
import { m0110authorizationBinding } from './0110-authorization-binding';
import { m0300documents } from './0300-documents';
import { m0400afterAcceptance } from './0400-after-acceptance';
import { m0410reviews } from './0410-reviews';
import { m0420certification } from './0420-certification';
import { m0200sync } from './0200-sync';
import { m0500stats } from './0500-stats';
import { m0560caseCounterWindow } from './0560-case-counter-window';
import { m0570syncRemoteBlobs } from './0570-sync-remote-blobs';
import { m0430visitEvidence } from './0430-visit-evidence';
import { m0590syncAuditAnchor } from './0590-sync-audit-anchor';
import { m0600syncPendingDeferred } from './0600-sync-pending-deferred';
import { m0630publicityRounds } from './0630-publicity-rounds';
import { m0650benefitChanges } from './0650-benefit-changes';
import { m0680intakeAuthorizationRoutes } from './0680-intake-authorization-routes';
import { m0700reliefMonitoring } from './0700-relief-monitoring';
import { m0710ratings } from './0710-ratings';
import { m0720decisionRelief } from './0720-decision-relief';
import { m0730caseListCover } from './0730-case-list-cover';
import { m0740documentReprintReason } from './0740-document-reprint-reason';
import { m0750caseTailIndexes } from './0750-case-tail-indexes';
import { m0770rosterImport } from './0770-roster-import';
import { m0790syncSuite } from './0790-sync-suite';
import { m0810certificationRemote } from './0810-certification-remote';
import { m0820rosterRecipient } from './0820-roster-recipient';
import { m0840onlineApplications } from './0840-online-applications';
import { m0850caseVerification } from './0850-case-verification';
import { m0860publishedCalendar } from './0860-published-calendar';

/**
 * Every schema step, oldest first. Versions go up in tens so a fix can be slotted in between.
 * Other capabilities (cases, people, sync) append their steps here.
 */
export const MIGRATIONS: readonly Migration[] = [
  m0010station,
  m0020accounts,
  m0030audit,
  m0040attachments,
  m0050outbox,
  m0060noticeRequests,
  m0100cases,
  m0110authorizationBinding,
  m0200sync,
  m0300documents,
  m0400afterAcceptance,
  m0410reviews,
  m0420certification,
  m0430visitEvidence,
  m0500stats,
  m0560caseCounterWindow,
  m0570syncRemoteBlobs,
  m0590syncAuditAnchor,
  m0600syncPendingDeferred,
  m0630publicityRounds,
  m0650benefitChanges,
  m0680intakeAuthorizationRoutes,
  m0700reliefMonitoring,
  m0710ratings,
  m0720decisionRelief,
  m0730caseListCover,
  m0740documentReprintReason,
  m0750caseTailIndexes,
  m0770rosterImport,
  m0790syncSuite,
  m0810certificationRemote,
  m0820rosterRecipient,
  m0840onlineApplications,
  m0850caseVerification,
  m0860publishedCalendar,
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
