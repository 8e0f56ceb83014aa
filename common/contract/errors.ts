import { z } from 'zod';
import { translate, type MessageParams } from '../i18n/translate';
import { zhCN } from '../i18n/zh-CN/index';

/**
 * Every error that crosses a boundary has a code and a zh-CN message a clerk can act on.
 * The codes are exactly the keys of the catalog's `errors` section, so a code cannot exist
 * without its message; capability folders add theirs in common/i18n/zh-CN/<capability>.ts.
 */
export const ERROR_CODES = Object.keys(zhCN.errors) as [ErrorCode, ...ErrorCode[]];
export type ErrorCode = keyof typeof zhCN.errors;

export const errorCodeSchema = z.enum(ERROR_CODES);

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Machine-readable detail: the failing field path for INVALID_INPUT, a reference for INTERNAL. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** The error type services throw; shells turn it into an ApiError envelope unchanged. */
export class JiuzhuError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, params: MessageParams = {}, details?: Record<string, unknown>) {
    super(translate(`errors.${code}`, params));
    this.name = 'JiuzhuError';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export const isJiuzhuError = (e: unknown): e is JiuzhuError => e instanceof JiuzhuError;
