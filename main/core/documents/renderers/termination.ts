/** 终止 / 调整通知书 — stop or change a benefit, in writing with reasons and redress. */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { TerminationData } from '../../../../common/documents/termination';
import { yuanCapitals, yuanText } from '../../../../common/format/money';
import type { DocumentLayout } from '../layout/blocks';
import { contact, frame, legalBasis, para, reasonsText, redress, salutation } from '../frame';
import { presenter } from '../present';

export function terminationLayout(d: TerminationData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const money = (fen: number) => `${yuanText(fen)}（${yuanCapitals(fen)}）`;
  const title = d.action === 'terminate' ? '终止救助通知书' : '调整救助金通知书';
  const decision =
    d.action === 'terminate'
      ? `经复核，本机关于${p.date(d.decidedOn)}决定：自${p.month(d.effectiveMonth)}起停止发放你户${cat}救助金（原每月${money(d.previousAmountFen)}）。`
      : `经复核，本机关于${p.date(d.decidedOn)}决定：自${p.month(d.effectiveMonth)}起，你户${cat}救助金由每月${yuanText(d.previousAmountFen)}` +
        `调整为每月${money(d.newAmountFen!)}。`;
  const body = [
    salutation(p.name(d.applicant.name)),
    para(`你户享受的${cat}（编号：${d.caseNo}），${decision}`),
    para(`理由：${reasonsText(d.reasons)}`),
    ...legalBasis(d.legalBasis),
    redress(d.redress),
    contact(d.station),
  ];
  return { title, author: d.station.issuer, blocks: frame(d, p, title, body) };
}
