import type { z } from 'zod';
import { JiuzhuError } from '../../../../common/contract/index';
import { fieldIssueMessage, fieldName } from '../../../../common/i18n/fieldErrors';
import { translate } from '../../../../common/i18n/translate';

/** At most this many issues travel back; the rest are counted. */
export const MAX_REPORTED_ISSUES = 20;
/** A single issue's message is cut at this many characters (unknown-key lists can be long). */
const MAX_MESSAGE_CHARS = 200;

/**
 * Turn zod's issues into INVALID_INPUT naming the first failing field path, with the first
 * MAX_REPORTED_ISSUES issues in details and the number of the others in `moreIssues`: a large bad
 * input must not become an answer many times its own size.
 */
export function invalidInput(error: z.ZodError): JiuzhuError {
  const all = error.issues;
  const issues = all
    .slice(0, MAX_REPORTED_ISSUES)
    .map((issue) => ({ path: formatPath(issue.path), message: clip(issue.message), ...issueFacts(issue) }));
  const first = issues[0] ?? { path: '(输入)', message: '格式不正确' };
  const more = all.length - issues.length;
  // The message names the field and what to do in words (common/i18n/fieldErrors.ts); the path stays in details.
  const field = fieldName(first.path) ?? translate('fields.generic.thisField');
  return new JiuzhuError(
    'INVALID_INPUT',
    { path: field, detail: fieldIssueMessage(first) },
    { path: first.path, issues, ...(more > 0 ? { moreIssues: more } : {}) },
  );
}

/** What a screen needs to word the issue for its field: zod's code and, for sizes, the bound. */
function issueFacts(issue: z.core.$ZodIssue): { code: string; origin?: string; minimum?: number; maximum?: number } {
  const facts: { code: string; origin?: string; minimum?: number; maximum?: number } = { code: issue.code };
  if (issue.code === 'too_small' || issue.code === 'too_big') facts.origin = issue.origin;
  if (issue.code === 'too_small' && typeof issue.minimum === 'number') facts.minimum = issue.minimum;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') facts.maximum = issue.maximum;
  return facts;
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(输入)';
  return clip(path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join(''));
}
