import type { MessageKey } from '../../../common/i18n/translate';
import { translate } from '../../../common/i18n/translate';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../common/format/mask';
import type { CaseExportRow, RosterExportRow, WarningExportRow } from './exportRepo';
import { excelChinaTime, excelDate, yuan, type SheetColumn } from './xlsx';

/** Personal data shown as is (full export, with export.full) or masked (张*三, 500101********1234, 138****5678, 重庆市…街道****). */
export interface Masker {
  name(v: string | null): string | null;
  idNumber(v: string | null): string | null;
  phone(v: string | null): string | null;
  address(v: string | null): string | null;
}

export const MASKED: Masker = {
  name: (v) => (v ? maskName(v) : null),
  idNumber: (v) => (v ? maskIdNumber(v) : null),
  phone: (v) => (v ? maskPhone(v) : null),
  address: (v) => (v ? maskAddress(v) : null),
};
export const FULL: Masker = { name: (v) => v, idNumber: (v) => v, phone: (v) => v, address: (v) => v };

/** A code's zh-CN label (e.g. cases.states.accepted → 已受理); the code itself when the catalog has none. */
const label = (prefix: string, v: string | null): string | null => {
  if (!v) return null;
  const key = `${prefix}.${v}`;
  const text = translate(key as MessageKey);
  return text === key ? v : text;
};

export function caseColumns(m: Masker, staff: Map<string, string>): Array<SheetColumn<CaseExportRow>> {
  const h = (k: string) => translate(`stats.sheet.caseColumns.${k}` as MessageKey);
  return [
    { header: h('caseNo'), kind: 'text', width: 22, value: (r) => r.case_no },
    { header: h('applicant'), kind: 'text', width: 12, value: (r) => m.name(r.applicant_name) },
    { header: h('idNumber'), kind: 'text', width: 22, value: (r) => m.idNumber(r.applicant_id_number) },
    { header: h('phone'), kind: 'text', width: 15, value: (r) => m.phone(r.phone) },
    { header: h('address'), kind: 'text', width: 36, value: (r) => m.address(r.address) },
    { header: h('type'), kind: 'text', width: 12, value: (r) => label('cases.typesShort', r.type) },
    { header: h('state'), kind: 'text', width: 10, value: (r) => label('cases.states', r.state) },
    { header: h('size'), kind: 'int', value: (r) => r.household_size },
    {
      header: h('submitted'),
      kind: 'date',
      value: (r) => excelDate(r.submitted_at ? new Date(Date.parse(r.submitted_at) + 8 * 3_600_000).toISOString().slice(0, 10) : null),
    },
    { header: h('accepted'), kind: 'date', value: (r) => excelDate(r.accepted_on) },
    { header: h('nextDeadline'), kind: 'date', value: (r) => excelDate(r.next_due) },
    { header: h('staff'), kind: 'text', width: 10, value: (r) => staff.get(r.created_by) ?? r.created_by },
    { header: h('updated'), kind: 'datetime', value: (r) => excelChinaTime(r.updated_at) },
  ];
}

export function rosterColumns(m: Masker, today: string, soon: string): Array<SheetColumn<RosterExportRow>> {
  const h = (k: string) => translate(`stats.sheet.rosterColumns.${k}` as MessageKey);
  const due = (r: RosterExportRow) =>
    r.status !== 'active' ? 'later' : r.next_review_on < today ? 'overdue' : r.next_review_on <= soon ? 'due' : 'later';
  return [
    { header: h('applicant'), kind: 'text', width: 12, value: (r) => m.name(r.applicant_name) },
    { header: h('idNumber'), kind: 'text', width: 22, value: (r) => m.idNumber(r.applicant_id_number) },
    { header: h('category'), kind: 'text', width: 16, value: (r) => label('roster.categories', r.category) },
    { header: h('size'), kind: 'int', value: (r) => r.household_size },
    { header: h('amount'), kind: 'yuan', value: (r) => yuan(r.amount_fen) },
    { header: h('since'), kind: 'text', value: (r) => r.since_month },
    { header: h('enrolled'), kind: 'date', value: (r) => excelDate(r.enrolled_on) },
    { header: h('nextReview'), kind: 'date', value: (r) => excelDate(r.next_review_on) },
    { header: h('due'), kind: 'text', value: (r) => translate(`stats.sheet.due.${due(r)}` as MessageKey) },
    { header: h('status'), kind: 'text', value: (r) => label('roster.status', r.status) },
  ];
}

export function warningColumns(m: Masker, staff: Map<string, string>): Array<SheetColumn<WarningExportRow>> {
  const h = (k: string) => translate(`stats.sheet.warningColumns.${k}` as MessageKey);
  return [
    { header: h('type'), kind: 'text', width: 14, value: (r) => label('warnings.types', r.type) },
    { header: h('idNumber'), kind: 'text', width: 22, value: (r) => m.idNumber(r.id_number) },
    { header: h('applicant'), kind: 'text', width: 12, value: (r) => m.name(r.applicant_name) },
    { header: h('received'), kind: 'datetime', value: (r) => excelChinaTime(r.received_at) },
    { header: h('due'), kind: 'date', value: (r) => excelDate(r.due_on) },
    { header: h('status'), kind: 'text', value: (r) => label('warnings.status', r.status) },
    { header: h('assignee'), kind: 'text', value: (r) => (r.assigned_to ? (staff.get(r.assigned_to) ?? r.assigned_to) : null) },
    { header: h('outcome'), kind: 'text', value: (r) => label('warnings.outcome', r.outcome) },
  ];
}
