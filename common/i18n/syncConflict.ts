import { maskIdNumber } from '../format/mask';
import { yuanText } from '../format/money';
import { translate, type MessageKey } from './translate';
import type { sync } from './zh-CN/sync';

type Body = Record<string, unknown>;

/** One line of a conflict's side-by-side: the field in words, both values in words. */
export interface ConflictRow {
  field: string;
  mine: string;
  theirs: string;
  differs: boolean;
}

const obj = (v: unknown): Body | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : undefined);
const list = (v: unknown): Body[] => (Array.isArray(v) ? v.filter((x): x is Body => Boolean(obj(x))) : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The catalog's word for a code under the first of `prefixes` that has one (never the code itself); 其他 when none has. */
function word(value: unknown, ...prefixes: string[]): string | undefined {
  if (typeof value !== 'string' || !/^[\w-]+$/.test(value))
    return value === undefined || value === null ? undefined : translate('sync.conflict.other');
  for (const prefix of prefixes) {
    const key = `${prefix}.${value}`;
    const found = translate(key as MessageKey);
    if (found !== key) return found;
  }
  return translate('sync.conflict.other');
}

const money = (fen: unknown) => (num(fen) === undefined ? undefined : yuanText(num(fen)!));
const sumFen = (items: unknown, field: string) => {
  const rows = list(items);
  return rows.length ? yuanText(rows.reduce((n, r) => n + (num(r[field]) ?? 0), 0)) : undefined;
};
const when = (v: unknown) => {
  const s = text(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(s)
    ? `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`
    : new Date(t).toLocaleString('zh-CN', { hour12: false });
};
const application = (b: Body) => obj(b['application']) ?? {};
const applicant = (b: Body) => obj(b['applicant']) ?? obj(application(b)['applicant']) ?? {};

/** The fields of a case record a clerk reconciles, in the order the side-by-side shows them (the versions head its columns). */
const FIELDS: Array<[keyof typeof sync.sync.conflict.fields, (b: Body) => string | undefined]> = [
  ['caseNo', (b) => text(b['caseNo'])],
  ['action', (b) => word(b['action'], 'cases.actions', 'visits.timeline', 'certification.timeline', 'changes.timeline')],
  ['at', (b) => when(b['at'])],
  ['state', (b) => word(b['state'], 'cases.states')],
  ['type', (b) => word(b['type'], 'cases.types')],
  ['subtype', (b) => word(b['subtype'], 'cases.subtypes')],
  ['applicant', (b) => text(applicant(b)['name'])],
  ['applicantId', (b) => (text(applicant(b)['idNumber']) ? maskIdNumber(text(applicant(b)['idNumber'])!) : undefined)],
  [
    'householdSize',
    (b) =>
      Array.isArray(application(b)['members'])
        ? translate('sync.conflict.persons', { n: list(application(b)['members']).length })
        : undefined,
  ],
  [
    'members',
    (b) =>
      list(application(b)['members'])
        .map((m) => text(m['name']) ?? '')
        .filter(Boolean)
        .join('、') || undefined,
  ],
  ['income', (b) => sumFen(application(b)['income'], 'monthlyFen')],
  ['assets', (b) => sumFen(application(b)['assets'], 'valueFen')],
  ['opinionAmount', (b) => money(obj(b['opinion'])?.['amountFen'])],
  ['decisionOutcome', (b) => word(obj(b['decision'])?.['outcome'], 'sync.conflict.decision')],
  ['decisionAmount', (b) => money(obj(b['decision'])?.['amountFen'])],
  ['rosterStatus', (b) => word(obj(b['roster'])?.['status'], 'roster.status')],
  ['rosterAmount', (b) => money(obj(b['roster'])?.['amountFen'])],
  ['decisionDue', (b) => when(b['decisionDue'])],
  ['reason', (b) => text(b['reason'])],
];

/** What every edit changes by itself (who, when, which step): not a difference a clerk reconciles. */
const EDIT_META = new Set(['caseId', 'version', 'action', 'at']);

function withoutMeta(b: Body): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(b)
        .filter(([k]) => !EDIT_META.has(k))
        .sort(([a], [c]) => a.localeCompare(c)),
    ),
  );
}

/**
 * Both versions of a conflicting case record in words, side by side: the case number, state,
 * applicant (ID number masked), household, sums of income and assets and the amounts in 元 — never
 * a field's code or a raw value. `otherDiffers` is true when the versions differ in content these
 * rows do not show (then the clerk is told so rather than shown JSON).
 */
export function conflictRows(mine: Body, theirs: Body): { rows: ConflictRow[]; otherDiffers: boolean } {
  const none = translate('sync.conflict.none');
  const rows: ConflictRow[] = [];
  let shownDiffer = false;
  for (const [key, read] of FIELDS) {
    const a = read(mine);
    const b = read(theirs);
    if (a === undefined && b === undefined) continue;
    const differs = a !== b;
    if (differs && key !== 'action' && key !== 'at') shownDiffer = true;
    rows.push({ field: translate(`sync.conflict.fields.${key}`), mine: a ?? none, theirs: b ?? none, differs });
  }
  return { rows, otherDiffers: !shownDiffer && withoutMeta(mine) !== withoutMeta(theirs) };
}
