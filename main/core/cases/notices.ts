import { JiuzhuError } from '../../../common/contract/errors';
import type { Application } from '../../../common/cases/application';
import type { CaseSettings } from '../../../common/cases/settings';
import { documentCategory } from '../../../common/cases/types';
import { acceptanceSchema } from '../../../common/documents/acceptance';
import { authorizationSchema } from '../../../common/documents/authorization';
import { rejectionSchema } from '../../../common/documents/rejection';
import { supplementSchema } from '../../../common/documents/supplement';
import type { z } from 'zod';

export interface NoticeContext {
  app: Application;
  caseNo: string;
  settings: CaseSettings;
  stationName: string;
  today: string;
  receivedOn: string;
}

/** The issuing station as the county configured it (also the 公示 lists' header). */
export function stationBlock(ctx: Pick<NoticeContext, 'settings' | 'stationName'>) {
  const n = ctx.settings.notice;
  return {
    headerLines: n.headerLines.length ? n.headerLines : [ctx.stationName.slice(0, 30)],
    issuer: n.issuer || ctx.stationName.slice(0, 40),
    ...(n.address ? { address: n.address } : {}),
    ...(n.phone ? { phone: n.phone } : {}),
    nameMask: n.nameMask,
    publicityNameMask: n.publicityNameMask,
  };
}

export function base(ctx: NoticeContext) {
  const a = ctx.app.applicant!;
  return {
    station: stationBlock(ctx),
    issuedOn: ctx.today,
    copy: 'applicant' as const,
    caseNo: ctx.caseNo,
    applicant: { name: a.name, idNumber: a.idNumber, ...(a.phone ? { phone: a.phone } : {}), ...(a.address ? { address: a.address } : {}) },
    category: documentCategory(ctx.app.type!, ctx.app.subtype),
    receivedOn: ctx.receivedOn,
  };
}

function valid<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new JiuzhuError('CASE_NOTICE_INVALID', { path: issue.path.join('.') || '(通知书)', detail: issue.message });
  }
  return r.data;
}

/** 受理通知书 data, valid against common/documents/acceptance.ts. */
export const acceptanceNotice = (ctx: NoticeContext, materials: string[], decisionWorkingDays: number) =>
  valid(acceptanceSchema, { ...base(ctx), acceptedOn: ctx.today, materials: materials.slice(0, 30), decisionWorkingDays });

/** 补正材料通知书 data: every missing item (一次性告知). */
export const supplementNotice = (ctx: NoticeContext, missing: Array<{ item: string; note?: string | undefined }>, dueBy?: string) =>
  valid(supplementSchema, {
    ...base(ctx),
    missing: missing.map((m) => ({ item: m.item, ...(m.note ? { note: m.note } : {}) })),
    ...(dueBy ? { dueBy } : {}),
  });

/** 不予受理通知书 data: reasons, legal basis and the redress route from the settings. */
export function rejectionNotice(ctx: NoticeContext, reasons: string[], legalBasis: string[]) {
  const redress = ctx.settings.notice.redress;
  if (!redress) throw new JiuzhuError('CASE_REDRESS_MISSING');
  return valid(rejectionSchema, { ...base(ctx), reasons, legalBasis, redress });
}

/**
 * The blank 家庭经济状况核对授权书 printed for one signer to sign by hand (the paper route): no
 * signature, photo or time on it, and the statement's version and hash printed at the foot.
 */
export function authorizationForm(
  ctx: NoticeContext,
  signer: { name: string; idNumber: string },
  relation: string,
  statement: { version: number; sha256: string },
) {
  const { station, issuedOn, copy, caseNo, category } = base(ctx);
  return valid(authorizationSchema, {
    station,
    issuedOn,
    copy,
    caseNo,
    category,
    applicantName: ctx.app.applicant!.name,
    signer,
    relation,
    statement,
  });
}
