import type { ApiError, Envelope } from '../../common/contract/index';
import type { CommandContext } from './command';
import { EXIT, type ExitCode } from './io';

/** Codes that mean the caller gave bad input (exit 2); everything else is a failure (exit 1). */
const BAD_INPUT_CODES = new Set(['INVALID_INPUT', 'BAD_ARGUMENTS', 'UNKNOWN_METHOD']);

export function exitCodeFor(error: ApiError): ExitCode {
  return BAD_INPUT_CODES.has(error.code) ? EXIT.badInput : EXIT.failure;
}

/** Report a typed error: the zh-CN message on stderr, and with --json the error object on stdout. */
export function reportError(ctx: CommandContext, error: ApiError, exit: ExitCode = exitCodeFor(error)): ExitCode {
  ctx.io.err(`${error.message}\n`);
  if (ctx.global.json) ctx.io.out(`${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
  return exit;
}

/** Unwrap an envelope or report its error. */
export function unwrap<T>(ctx: CommandContext, envelope: Envelope): { ok: true; value: T } | { ok: false; exit: ExitCode } {
  if (envelope.ok) return { ok: true, value: envelope.result as T };
  return { ok: false, exit: reportError(ctx, envelope.error) };
}

/** Print aligned "label: value" lines for people. */
export function printFacts(ctx: CommandContext, rows: Array<[string, string]>): void {
  for (const [label, value] of rows) ctx.io.out(`${label}：${value}\n`);
}
