/**
 * The parts every notice shares: marks (公开副本 / 补打), the station's red header and 文号, the
 * title, the salutation, numbered lists, the legal basis, the redress route, contact lines and the
 * issuer with the date. Renderers compose their body between these.
 */
import type { AssistanceCategory, Redress, Station } from '../../../common/documents/common';
import type { Block } from './layout/blocks';
import type { Presenter } from './present';

interface FrameData {
  station: Station;
  docNo?: string | undefined;
  issuedOn: string;
  reprint: boolean;
}

export interface FrameOptions {
  /** The red station header; forms signed by the applicant (授权书, 调查表) go without it. */
  header?: boolean;
  /** The issuer and date with the seal area. */
  signature?: boolean;
}

export function frame(data: FrameData, p: Presenter, title: string, body: Block[], opts: FrameOptions = {}): Block[] {
  const marks = [p.isPublic ? '公开副本（个人信息已隐去）' : '', data.reprint ? '补打' : ''].filter(Boolean).join('　');
  return [
    ...(marks ? [{ kind: 'marks', text: marks } as const] : []),
    ...(opts.header === false
      ? []
      : [{ kind: 'header', lines: data.station.headerLines, ...(data.docNo ? { docNo: data.docNo } : {}) } as const]),
    { kind: 'title', text: title },
    ...body,
    ...(opts.signature === false ? [] : [{ kind: 'signature', issuer: data.station.issuer, date: p.date(data.issuedOn) } as const]),
  ];
}

export const para = (text: string, indent = 2): Block => ({ kind: 'paragraph', text, indent });

/** The addressee line (主送), flush left: 王小明： */
export const salutation = (name: string): Block => ({ kind: 'paragraph', text: `${name}：`, indent: 0 });

/** 1. … 2. … with wrapped lines aligned under the text. */
export function numbered(items: string[], indent = 2): Block[] {
  return items.map((text, i) => ({ kind: 'paragraph', text: `${i + 1}. ${text}`, indent, hangingIndent: indent }));
}

/** The measures a category's procedure follows, cited on notices. */
export function measuresOf(category: AssistanceCategory): string {
  if (category.startsWith('dibao') || category === 'marginal') return '《最低生活保障审核确认办法》';
  if (category.startsWith('tekun')) return '《特困人员认定办法》';
  if (category === 'rigid-expense') return '《刚性支出困难家庭认定办法》';
  return '《社会救助暂行办法》';
}

export function legalBasis(items: string[]): Block[] {
  if (items.length === 0) return [];
  return [para(`依据：${items.join('；')}。`.replace(/。。$/, '。'))];
}

export function redress(r: Redress): Block {
  return para(
    `如对本决定不服，可以自收到本通知书之日起${r.reviewDays}日内向${r.reviewBody}申请行政复议，` +
      `也可以自收到本通知书之日起${r.litigationMonths}个月内向${r.court}提起行政诉讼。`,
  );
}

export function contact(station: Station): Block {
  const parts = [
    station.address ? `联系地址：${station.address}` : '',
    station.phone ? `联系电话：${station.phone}` : '',
    `社会救助服务热线：${station.hotline}`,
  ].filter(Boolean);
  return para(`${parts.join('；')}。`);
}

/** A list of reasons as 一是……；二是……, or a single sentence. */
export function reasonsText(reasons: string[]): string {
  const strip = (s: string) => s.replace(/[。；;.]+$/, '');
  if (reasons.length === 1) return `${strip(reasons[0]!)}。`;
  const ord = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return reasons.map((r, i) => `${ord[i] ?? i + 1}是${strip(r)}`).join('；') + '。';
}
