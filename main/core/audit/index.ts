export { AuditLog, type AuditEntryInput, type AuditRow, type AuditQuery, type AuditDetailValue } from './audit-log';
export { verifyAuditChain, AUDIT_BREAK_ZH, type AuditVerifyResult, type AuditBreak } from './verify';
export { pruneAudit, MIN_AUDIT_RETENTION_DAYS } from './prune';
export { assertNoPersonalData } from './personal-data';
