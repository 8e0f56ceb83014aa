import { useState } from 'react';
import { ApiCallError } from './client';

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
