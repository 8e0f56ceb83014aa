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
} from './pullItems';
export {
  CASE_UPSERT,
  caseUpsertBodySchema,
  caseUpsertRecord,
  type CaseStep,
  type CaseUpsertBody,
  type CaseUpsertRecord,
} from './caseUpsert';
export { DOCUMENT_META, documentMetaRecord, type DocumentMetaRecord } from './documentMeta';
export {
  CERTIFICATION_RECORD,
  certificationRecord,
  certificationRecordBodySchema,
  type CertificationRecordBody,
} from './certificationRecord';
export {
  CERTIFICATION_REMOTE,
  REMOTE_CERTIFICATION_METHODS,
  certificationRemoteBodySchema,
  type CertificationRemoteBody,
  type PulledCertificationRemoteItem,
} from './certificationRemote';
export {
  VERIFICATION_REPORT,
  VERIFICATION_DATA_TYPES,
  VERIFICATION_INCOME_TYPES,
  verificationReportBodySchema,
  type VerificationDataType,
  type VerificationItem,
  type VerificationReportBody,
  type PulledVerificationReportItem,
} from './verificationReport';
export {
  APPLICATION_ONLINE,
  ONLINE_APPLICATION_SOURCES,
  applicationOnlineBlobs,
  applicationOnlineBodySchema,
  type ApplicationOnlineBody,
  type ApplicationOnlineBodyInput,
  type PulledApplicationOnlineItem,
} from './applicationOnline';
export { CASE_AUTHORIZATION, caseAuthorizationRecord } from './caseAuthorization';
export { CASE_AMENDMENT, caseAmendmentRecord } from './caseAmendment';
export { CHANGE_PROPOSAL, changeProposalRecord } from './changeProposal';
export { DECISION_REFUSAL, decisionRefusalRecord } from './decisionRefusal';
export { RELIEF_PAYMENT, reliefPaymentRecord } from './reliefPayment';
export { MONITORING_ENTRY, monitoringEntryRecord } from './monitoringEntry';
export { RATING_RECORD, ratingRecord } from './ratingRecord';
export { RATING_FOLLOW_UP, ratingFollowUpRecord } from './ratingFollowUp';
export {
  ROSTER_IMPORTED,
  rosterImportedRecord,
  rosterImportedBodySchema,
  rosterHouseholdSchema,
  rosterRefusalSchema,
  ROSTER_REFUSALS,
  type RosterRefusal,
  type RosterHousehold,
  type RosterImportedBody,
  type RosterImportedRecord,
} from './rosterImported';
export { ROSTER_RECIPIENT, pulledRosterRecipientItemSchema, type PulledRosterRecipientItem } from './rosterRecipientItem';
export {
  CASE_STATUS,
  CASE_PLATFORM_STATUSES,
  caseStatusBodySchema,
  type CasePlatformStatus,
  type CaseStatusBody,
  type PulledCaseStatusItem,
} from './caseStatus';
