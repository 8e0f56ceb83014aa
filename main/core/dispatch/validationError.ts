import type { z } from 'zod';
import { JiuzhuError } from '../../../common/contract/index';

/** Turn zod's issues into INVALID_INPUT naming the first failing field path, with all issues in details. */
export function invalidInput(error: z.ZodError): JiuzhuError {
  const issues = error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const first = issues[0] ?? { path: '(输入)', message: '格式不正确' };
  return new JiuzhuError('INVALID_INPUT', { path: first.path, detail: first.message }, { path: first.path, issues });
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(输入)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
