import type { Envelope, ErrorCode } from '../../common/contract/index';

const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  INPUT_TOO_LARGE: 400,
  BAD_ARGUMENTS: 400,
  UNAUTHENTICATED: 401,
  BAD_TOKEN: 401,
  FORBIDDEN: 403,
  BAD_HOST: 403,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  INTERNAL: 500,
  CORE_UNAVAILABLE: 503,
};

/** HTTP status for an envelope; the body is always the envelope itself. Other typed errors are 422. */
export function statusOf(envelope: Envelope): number {
  if (envelope.ok) return 200;
  return STATUS[envelope.error.code] ?? 422;
}
