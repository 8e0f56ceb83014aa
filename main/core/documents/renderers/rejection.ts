/** 不予受理通知书 — reasons, basis and the redress route. */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { RejectionData } from '../../../../common/documents/rejection';
import type { DocumentLayout } from '../layout/blocks';
import { contact, frame, legalBasis, para, reasonsText, redress, salutation } from '../frame';
import { presenter } from '../present';

export function rejectionLayout(d: RejectionData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const body = [
    salutation(p.name(d.applicant.name)),
    para(`你（户）于${p.date(d.receivedOn)}提出的${cat}申请（编号：${d.caseNo}），经审查，不符合受理条件，本机关决定不予受理。`),
    para(`理由：${reasonsText(d.reasons)}`),
    ...legalBasis(d.legalBasis),
    redress(d.redress),
    contact(d.station),
  ];
  return { title: '不予受理通知书', author: d.station.issuer, blocks: frame(d, p, '不予受理通知书', body) };
}
