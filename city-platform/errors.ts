import { JiuzhuError, type ErrorCode } from '../common/contract/errors';
import type { WireError } from '../common/sync/errors';

/** English one-liners for engineers' logs; the zh-CN message comes from the catalog. */
const ENGLISH: Partial<Record<ErrorCode, string>> = {
  SYNC_BUNDLE_MALFORMED: 'Malformed sealed message; nothing applied.',
  SYNC_BUNDLE_FORGED: 'Signature or AEAD check failed; nothing applied.',
  SYNC_BUNDLE_WRONG_RECIPIENT: 'Sealed message addressed to another recipient.',
  SYNC_BUNDLE_REPLAYED: 'Bundle sequence already used by another bundle; nothing applied.',
  SYNC_BUNDLE_OUT_OF_ORDER: 'Bundle sequence skips ahead; send the expected sequence first.',
  SYNC_BUNDLE_TOO_LARGE: 'Bundle exceeds the size limit.',
  SYNC_DEVICE_UNKNOWN: 'Unknown device; enrol again.',
  SYNC_DEVICE_REVOKED: 'Device revoked.',
  SYNC_DEVICE_PENDING: 'Device waits for a platform admin to confirm that it replaces an earlier one.',
  SYNC_UPLOAD_QUOTA_EXCEEDED: 'Upload quota of the device reached; retry after Retry-After.',
  SYNC_RATE_LIMITED: 'Too many attempts; retry after Retry-After.',
  SYNC_ENROLMENT_CODE_INVALID: 'Enrolment code unknown, used or expired.',
  SYNC_RECORD_INVALID: 'Record rejected: invalid content.',
  SYNC_RECORD_UNKNOWN_KIND: 'Record rejected: unknown kind.',
  SYNC_RECORD_SEQ_REGRESSED: 'Record rejected: sequence not above the last one held.',
  SYNC_RECORD_CONFLICT: 'Case edited concurrently; record not applied.',
  SYNC_ROSTER_REFUSED: 'Imported roster household not taken: it disagrees with what the platform holds.',
  SYNC_BLOB_HASH_MISMATCH: 'Uploaded bytes do not match the announced sha256; upload discarded.',
  SYNC_BLOB_TOO_LARGE: 'Blob exceeds the size limit.',
  SYNC_UPLOAD_OFFSET_MISMATCH: 'Upload-Offset differs from the server offset; HEAD and resume.',
  SYNC_UPLOAD_NOT_FOUND: 'Upload unknown or expired; create a new one.',
  SYNC_SESSION_EXPIRED: 'Session token missing, unknown, expired or not the sender’s; open a new session.',
  SYNC_PROTOCOL_UNSUPPORTED: 'Protocol version or suite not supported.',
  SYNC_SUITE_MISMATCH: 'Sealed header names a suite other than the one the device enrolled with; refused, no downgrade.',
  SYNC_SUITE_NOT_OFFERED: 'The platform no longer offers the suite this device enrolled with.',
  SYNC_BODY_TOO_LARGE: 'Request body too large.',
  SYNC_ADMIN_FORBIDDEN: 'Bad admin token.',
  SYNC_COUNTER_TAKEN: 'Counter number already held by another machine of the station; device not enrolled.',
  INVALID_INPUT: 'Invalid input.',
  NOT_FOUND: 'Not found.',
  INTERNAL: 'Internal error; nothing changed.',
};

export function wireError(code: ErrorCode, params: Record<string, string | number> = {}, details?: Record<string, unknown>): WireError {
  const e = new JiuzhuError(code, params, details);
  return { code, message: e.message, messageEn: ENGLISH[code] ?? code, ...(details ? { details } : {}) };
}

export function toWireError(e: JiuzhuError): WireError {
  return { code: e.code, message: e.message, messageEn: ENGLISH[e.code] ?? e.code, ...(e.details ? { details: e.details } : {}) };
}

/** HTTP status of each error the platform answers with. */
export const STATUS: Partial<Record<ErrorCode, number>> = {
  SYNC_BUNDLE_MALFORMED: 400,
  SYNC_BUNDLE_FORGED: 401,
  SYNC_BUNDLE_WRONG_RECIPIENT: 421,
  SYNC_BUNDLE_REPLAYED: 409,
  SYNC_BUNDLE_OUT_OF_ORDER: 409,
  SYNC_BUNDLE_TOO_LARGE: 413,
  SYNC_BODY_TOO_LARGE: 413,
  SYNC_BLOB_TOO_LARGE: 413,
  SYNC_DEVICE_UNKNOWN: 401,
  SYNC_DEVICE_REVOKED: 403,
  SYNC_DEVICE_PENDING: 403,
  SYNC_UPLOAD_QUOTA_EXCEEDED: 429,
  SYNC_ENROLMENT_CODE_INVALID: 403,
  SYNC_SESSION_EXPIRED: 401,
  SYNC_BLOB_HASH_MISMATCH: 460,
  SYNC_UPLOAD_OFFSET_MISMATCH: 409,
  SYNC_UPLOAD_NOT_FOUND: 404,
  SYNC_PROTOCOL_UNSUPPORTED: 426,
  SYNC_SUITE_MISMATCH: 426,
  SYNC_SUITE_NOT_OFFERED: 426,
  SYNC_RATE_LIMITED: 429,
  SYNC_ADMIN_FORBIDDEN: 403,
  SYNC_COUNTER_TAKEN: 409,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
};
