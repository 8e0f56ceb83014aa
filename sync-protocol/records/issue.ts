import type { z } from 'zod';
import { JiuzhuError } from '../../common/contract/errors';

/**
 * What is wrong with a record or a pull item, named by its kind and the first field at fault. Every
 * reader — the platform's apply step, the workstation's pull handlers — says it with this one
 * formatter, so a clerk, a log and a test read the same words.
 */
export interface RecordIssue {
  kind: string;
  /** Dotted path from the record (`body.applicant.idNumber`, `blobs`) or the item (`body.state`); `(record)` for the whole. */
  path: string;
  message: string;
}

/** The result of reading a record or item with its kind's schema. */
export type Read<T> = { ok: true; value: T } | { ok: false; issue: RecordIssue };

export const issue = (kind: string, path: string, message: string): RecordIssue => ({ kind, path: path || '(record)', message });

/** The first issue of a failed parse, with its path joined by dots. */
export function firstIssue(kind: string, error: z.ZodError): RecordIssue {
  const i = error.issues[0];
  return issue(kind, (i?.path ?? []).map(String).join('.'), i?.message ?? 'invalid');
}

/** `case.upsert body.applicant.idNumber：…` — the kind, the field, what is wrong. */
export const issueText = (i: RecordIssue): string => `${i.kind} ${i.path}：${i.message}`;

/** Parse `value` with `schema`; a failure names the kind and the first issue. */
export function readAs<S extends z.ZodType>(kind: string, schema: S, value: unknown): Read<z.output<S>> {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issue: firstIssue(kind, parsed.error) };
}

/** The workstation's refusal of a pulled item it cannot apply (kept in pulled_item with this error). */
export const pullItemRefusal = (i: RecordIssue): JiuzhuError =>
  new JiuzhuError('SYNC_PULL_ITEM_INVALID', { kind: i.kind, detail: issueText(i) }, { kind: i.kind, path: i.path });
