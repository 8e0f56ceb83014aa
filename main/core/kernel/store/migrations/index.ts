import type { Migration } from '../migrate';
import { m0010station } from './0010Station';
import { m0020accounts } from './0020Accounts';
import { m0030audit } from './0030Audit';
import { m0040attachments } from './0040Attachments';
import { m0050outbox } from './0050Outbox';
import { m0060noticeRequests } from './0060NoticeRequests';
import { m0100cases } from './0100Cases';
import { m0110authorizationBinding } from './0110AuthorizationBinding';
import { m0300documents } from './0300Documents';
import { m0400afterAcceptance } from './0400AfterAcceptance';
import { m0410reviews } from './0410Reviews';
import { m0420certification } from './0420Certification';
import { m0200sync } from './0200Sync';
import { m0500stats } from './0500Stats';
import { m0560caseCounterWindow } from './0560CaseCounterWindow';
import { m0570syncRemoteBlobs } from './0570SyncRemoteBlobs';
import { m0430visitEvidence } from './0430VisitEvidence';
import { m0590syncAuditAnchor } from './0590SyncAuditAnchor';
import { m0600syncPendingDeferred } from './0600SyncPendingDeferred';
import { m0630publicityRounds } from './0630PublicityRounds';
import { m0650benefitChanges } from './0650BenefitChanges';
import { m0680intakeAuthorizationRoutes } from './0680IntakeAuthorizationRoutes';
import { m0700reliefMonitoring } from './0700ReliefMonitoring';
import { m0710ratings } from './0710Ratings';
import { m0720decisionRelief } from './0720DecisionRelief';
import { m0730caseListCover } from './0730CaseListCover';
import { m0740documentReprintReason } from './0740DocumentReprintReason';
import { m0750caseTailIndexes } from './0750CaseTailIndexes';
import { m0770rosterImport } from './0770RosterImport';
import { m0790syncSuite } from './0790SyncSuite';
import { m0810certificationRemote } from './0810CertificationRemote';
import { m0820rosterRecipient } from './0820RosterRecipient';
import { m0840onlineApplications } from './0840OnlineApplications';
import { m0850caseVerification } from './0850CaseVerification';
import { m0860publishedCalendar } from './0860PublishedCalendar';
import { m0870publishedReference } from './0870PublishedReference';
import { m0880casePlatformStatus } from './0880CasePlatformStatus';
import { m0890outboxAnswerError } from './0890OutboxAnswerError';
import { m0900countyPolicy } from './0900CountyPolicy';

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
  m0870publishedReference,
  m0880casePlatformStatus,
  m0890outboxAnswerError,
  m0900countyPolicy,
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
