import { useState } from 'react';
import type { z } from 'zod';
import { fieldIssueMessage } from '../../../common/i18n/fieldErrors';
import { ApiCallError } from './client';

/**
 * A zod issue found in the form itself (before any call), worded for its field as core words its
 * own (common/i18n/fieldErrors.ts): 适用地区代码应为… rather than zod's 无效字符串：必须满足正则表达式 ….
 * `prefix` is the path of the parsed object inside the method's input (e.g. ['settings']).
 */
export function zodIssueText(issue: z.core.$ZodIssue, prefix: readonly (string | number)[] = []): string {
  const keys = [...prefix, ...issue.path.filter((k): k is string | number => typeof k !== 'symbol')];
  const path = keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  return fieldIssueMessage({
    path,
    code: issue.code,
    message: issue.message,
    ...(issue.code === 'too_small' || issue.code === 'too_big' ? { origin: issue.origin } : {}),
    ...(issue.code === 'too_small' && typeof issue.minimum === 'number' ? { minimum: issue.minimum } : {}),
    ...(issue.code === 'too_big' && typeof issue.maximum === 'number' ? { maximum: issue.maximum } : {}),
  });
}

/** The message core gave for one field path (or a path under it), in words; null when there is none. */
export function fieldMessage(error: unknown, path: string): string | null {
  if (!(error instanceof ApiCallError)) return null;
  return error.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`) || f.path.startsWith(`${path}[`))?.text ?? null;
}

/**
 * Core's field messages shown on a form's own fields (antd Form.Item `validateStatus`/`help`), each
 * gone as soon as its field is edited. `take(error, fieldOf)` keeps the messages whose contract path
 * `fieldOf` maps to a field of this form, and answers whether every one found a field (otherwise
 * the caller also shows the error above the form).
 */
export function useFieldMessages() {
  const [messages, setMessages] = useState<Record<string, string>>({});
  return {
    item: (name: string) => (messages[name] ? { validateStatus: 'error' as const, help: messages[name] } : {}),
    onValuesChange: (changed: object) =>
      setMessages((m) => {
        const next = { ...m };
        for (const k of Object.keys(changed)) delete next[k];
        return next;
      }),
    clear: () => setMessages({}),
    set: (name: string, text: string) => setMessages({ [name]: text }),
    take: (error: unknown, fieldOf: (path: string) => string | undefined): boolean => {
      if (!(error instanceof ApiCallError) || error.fields.length === 0) return false;
      const next: Record<string, string> = {};
      let all = true;
      for (const issue of error.fields) {
        const name = fieldOf(issue.path);
        if (name) next[name] ??= issue.text;
        else all = false;
      }
      setMessages(next);
      return all;
    },
  };
}
