import type { FormInstance } from 'antd';
// The contract's zh-CN messages for zod: the renderer imports schemas directly, so set it here too.
import '../../../../common/contract/zodLocale';
import type { z } from 'zod';
import { zodIssueText } from '../../api/formErrors';

type Path = Array<string | number>;

/**
 * The issues of a failed zod parse as antd form field errors. `strip` removes the leading part of
 * the path that the form does not have (e.g. 'notice' when the form edits settings.notice);
 * `fold` maps a path to the field that shows it (a list kept in one text box, say). The messages
 * are the per-field zh-CN ones core uses too (api/formErrors.ts → common/i18n/fieldErrors.ts).
 */
export function showIssues(form: FormInstance, error: z.ZodError, strip: Path = [], fold: (p: Path) => Path = (p) => p): number {
  const byField = new Map<string, { name: Path; errors: string[] }>();
  for (const issue of error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (!strip.every((k, i) => path[i] === k)) continue;
    const name = fold(path.slice(strip.length));
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(zodIssueText(issue));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size;
}

/** Empty text boxes mean "not set" for optional fields. */
export const orUndefined = (s: string | undefined | null): string | undefined => (s && s.trim() !== '' ? s : undefined);
