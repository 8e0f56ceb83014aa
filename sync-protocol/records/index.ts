/** Typed sync records: one schema and one builder per record kind, one schema per pull-item kind, one way to read and refuse. */
export { issue, firstIssue, issueText, readAs, pullItemRefusal, type RecordIssue, type Read } from './issue';
export {
  RECORD_KINDS,
  RECORD_SCHEMAS,
  outboundRecordSchema,
  readRecord,
  type OutboundRecord,
  type ReadRecord,
  type RecordKind,
  type RecordRead,
} from './registry';
export {
  PULL_ITEM_SCHEMAS,
  pulledCaseItemSchema,
  readPullItem,
  type PullItemKind,
  type PullItemOf,
  type PulledCaseItem,
} from './pull-items';
export {
  CASE_UPSERT,
  caseUpsertBodySchema,
  caseUpsertRecord,
  type CaseStep,
  type CaseUpsertBody,
  type CaseUpsertRecord,
} from './case-upsert';
export { DOCUMENT_META, documentMetaRecord, type DocumentMetaRecord } from './document-meta';
export {
  CERTIFICATION_RECORD,
  certificationRecord,
  certificationRecordBodySchema,
  type CertificationRecordBody,
} from './certification-record';
export {
  CERTIFICATION_REMOTE,
  REMOTE_CERTIFICATION_METHODS,
  certificationRemoteBodySchema,
  type CertificationRemoteBody,
  type PulledCertificationRemoteItem,
} from './certification-remote';
export {
  VERIFICATION_REPORT,
  VERIFICATION_DATA_TYPES,
  VERIFICATION_INCOME_TYPES,
  verificationReportBodySchema,
  type VerificationDataType,
  type VerificationItem,
  type VerificationReportBody,
  type PulledVerificationReportItem,
} from './verification-report';
export {
  APPLICATION_ONLINE,
  ONLINE_APPLICATION_SOURCES,
  applicationOnlineBlobs,
  applicationOnlineBodySchema,
  type ApplicationOnlineBody,
  type ApplicationOnlineBodyInput,
  type PulledApplicationOnlineItem,
} from './application-online';
export { CASE_AUTHORIZATION, caseAuthorizationRecord } from './case-authorization';
export { CASE_AMENDMENT, caseAmendmentRecord } from './case-amendment';
export { CHANGE_PROPOSAL, changeProposalRecord } from './change-proposal';
export { DECISION_REFUSAL, decisionRefusalRecord } from './decision-refusal';
export { RELIEF_PAYMENT, reliefPaymentRecord } from './relief-payment';
export { MONITORING_ENTRY, monitoringEntryRecord } from './monitoring-entry';
export { RATING_RECORD, ratingRecord } from './rating-record';
export { RATING_FOLLOW_UP, ratingFollowUpRecord } from './rating-follow-up';
export {
  ROSTER_IMPORTED,
  rosterImportedRecord,
  rosterImportedBodySchema,
  rosterHouseholdSchema,
  type RosterHousehold,
  type RosterImportedBody,
  type RosterImportedRecord,
} from './roster-imported';
export { ROSTER_RECIPIENT, pulledRosterRecipientItemSchema, type PulledRosterRecipientItem } from './roster-recipient-item';
