/** 不予批准通知书 — reasons, legal basis, redress. */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { RefusalData } from '../../../../common/documents/refusal';
import type { DocumentLayout } from '../layout/blocks';
import { contact, frame, legalBasis, para, reasonsText, redress, salutation } from '../frame';
import { presenter } from '../present';

export function refusalLayout(d: RefusalData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const body = [
    salutation(p.name(d.applicant.name)),
    para(
      `你（户）于${p.date(d.acceptedOn)}经受理的${cat}申请（编号：${d.caseNo}），经调查核实，` +
        `不符合${cat}条件，本机关于${p.date(d.decidedOn)}决定不予批准。`,
    ),
    para(`理由：${reasonsText(d.reasons)}`),
    ...legalBasis(d.legalBasis),
    redress(d.redress),
    contact(d.station),
  ];
  return { title: '不予批准通知书', author: d.station.issuer, blocks: frame(d, p, '不予批准通知书', body) };
}
