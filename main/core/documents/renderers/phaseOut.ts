/** 渐退通知书 — the benefit continues for a phase-out period after a review, then stops; in writing with reasons and redress. */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { PhaseOutData } from '../../../../common/documents/phaseOut';
import { yuanCapitals, yuanText } from '../../../../common/format/money';
import type { DocumentLayout } from '../layout/blocks';
import { contact, frame, legalBasis, para, reasonsText, redress, salutation } from '../frame';
import { presenter } from '../present';

/** The month after an ISO month (YYYY-MM). */
function monthAfter(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

export function phaseOutLayout(d: PhaseOutData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const money = (fen: number) => `${yuanText(fen)}（${yuanCapitals(fen)}）`;
  const title = '渐退通知书';
  const amount =
    d.amountFen === d.previousAmountFen
      ? `按原标准每月${money(d.amountFen)}`
      : `由每月${yuanText(d.previousAmountFen)}调整为每月${money(d.amountFen)}`;
  const body = [
    salutation(p.name(d.applicant.name)),
    para(
      `你户享受的${cat}（编号：${d.caseNo}），经复核，本机关于${p.date(d.decidedOn)}决定给予${d.months}个月渐退期：` +
        `自${p.month(d.startMonth)}起至${p.month(d.endMonth)}止，${amount}发放；渐退期满后，自${p.month(monthAfter(d.endMonth))}起停止发放。`,
    ),
    para(`理由：${reasonsText(d.reasons)}`),
    ...legalBasis(d.legalBasis),
    para('渐退期内家庭情况如有变化，请及时告知本机关。'),
    redress(d.redress),
    contact(d.station),
  ];
  return { title, author: d.station.issuer, blocks: frame(d, p, title, body) };
}
