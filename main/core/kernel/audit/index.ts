export { AuditLog, type AuditEntryInput, type AuditRow, type AuditQuery, type AuditDetailValue } from './auditLog';
export { verifyAuditChain, AUDIT_BREAK_ZH, type AuditVerifyResult, type AuditBreak } from './verify';
export { pruneAudit, MIN_AUDIT_RETENTION_DAYS, type PruneOptions } from './prune';
export { auditChainBase, auditChainHead, auditHashAt, type AuditChainPoint } from './chainHead';
export { assertNoPersonalData, redactPersonalData } from './personalData';
