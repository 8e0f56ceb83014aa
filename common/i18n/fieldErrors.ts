import { translate } from './translate';
import { zhCN } from './zh-CN/index';

/** One validation issue as core reports it in INVALID_INPUT's details (main/core/kernel/dispatch/validationError.ts). */
export interface FieldIssue {
  /** The field path as core formats it: `decision.reasons`, `members[1].name`. */
  path: string;
  /** zod's issue code (too_small, invalid_format, …); absent from older cores. */
  code?: string;
  /** zod's own message (zh-CN locale, or the schema's custom text). */
  message?: string;
  origin?: string;
  minimum?: number;
  maximum?: number;
}

type Tree = { readonly [key: string]: string | Tree };

/** The path's names, without array positions: `members[1].name` → ['members', 'name']. */
export function pathSegments(path: string): string[] {
  return path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((s) => s.length > 0 && s !== '(输入)');
}

/**
 * The entry of `tree` for the whole path that `pick` accepts; for a path the tree does not follow to
 * its end, the entry of the last segment at the top (a phone is 联系电话 wherever it sits), else the
 * deepest entry on the way (a member's unknown part is still 家庭成员).
 */
function lookUp(tree: Tree, segments: string[], pick: (node: string | Tree | undefined) => string | undefined): string | undefined {
  let node: string | Tree | undefined = tree;
  let deepest: string | undefined;
  for (const s of segments) {
    node = typeof node === 'object' ? node[s] : undefined;
    if (node === undefined) break;
    deepest = pick(node) ?? deepest;
  }
  if (node !== undefined && segments.length > 0) return pick(node) ?? deepest;
  const last = segments[segments.length - 1];
  return (last !== undefined ? pick(tree[last]) : undefined) ?? deepest;
}

/** The field's name in words (`不予受理的理由`), or undefined when the catalog does not know it. */
export function fieldName(path: string): string | undefined {
  const name = (n: string | Tree | undefined) => (typeof n === 'string' ? n : typeof n?.['_'] === 'string' ? n['_'] : undefined);
  return lookUp(zhCN.fields.names as Tree, pathSegments(path), name);
}

/**
 * The zh-CN message for one issue, written for the field: the catalog's message for this field
 * and code, the schema's own words for a custom check, else a generic message naming the field.
 */
export function fieldIssueMessage(issue: FieldIssue): string {
  const segments = pathSegments(issue.path);
  const code = issue.code ?? '';
  const codes = issue.origin ? [`${code}_${issue.origin}`, code] : [code];
  const specific = lookUp(zhCN.fields.issues as Tree, segments, (n) => {
    if (typeof n !== 'object') return undefined;
    const hit = codes.find((c) => typeof n[c] === 'string');
    return hit ? (n[hit] as string) : undefined;
  });
  if (specific) return specific;
  if (code === 'custom' && issue.message) return issue.message;
  const field = fieldName(issue.path) ?? translate('fields.generic.thisField');
  const p = { field, minimum: issue.minimum ?? '', maximum: issue.maximum ?? '' };
  switch (code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set')
        return translate(issue.minimum === 1 ? 'fields.generic.required' : 'fields.generic.tooFew', p);
      if (issue.origin === 'string') return translate(issue.minimum === 1 ? 'fields.generic.required' : 'fields.generic.tooShort', p);
      return translate('fields.generic.tooSmall', p);
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set') return translate('fields.generic.tooMany', p);
      if (issue.origin === 'string') return translate('fields.generic.tooLong', p);
      return translate('fields.generic.tooLarge', p);
    case 'invalid_type':
      return translate('fields.generic.required', p);
    case 'invalid_format':
      return translate('fields.generic.format', p);
    case 'invalid_value':
    case 'invalid_union':
      return translate('fields.generic.choose', p);
    case 'unrecognized_keys':
      return translate('fields.generic.unknownFields');
    default:
      return translate('fields.generic.other', p);
  }
}
