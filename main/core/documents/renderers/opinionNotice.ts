/**
 * 初审意见告知书: the township's proposal to refuse, to the applicant with its reasons. It is a
 * proposal, not a decision: the county decides (审核确认办法 arts. 19–21), so no redress route is
 * printed here — it comes with the decision.
 */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { OpinionNoticeData } from '../../../../common/documents/opinionNotice';
import type { DocumentLayout } from '../layout/blocks';
import { contact, frame, measuresOf, para, reasonsText, salutation } from '../frame';
import { presenter } from '../present';

export function opinionNoticeLayout(d: OpinionNoticeData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const again = d.round > 1 ? '经对公示异议重新调查核实（评议），' : '经调查核实，';
  const title = '初审意见告知书';
  const body = [
    salutation(p.name(d.applicant.name)),
    para(
      `你（户）于${p.date(d.acceptedOn)}经受理的${cat}申请（编号：${d.caseNo}），${again}本机关于${p.date(d.givenOn)}提出初审意见：拟不予确认。`,
    ),
    para(`理由：${reasonsText(d.reasons)}`),
    para(
      `根据${measuresOf(d.category)}的规定，本初审意见不予公示，将连同调查核实材料报送${d.decidedBy ?? '县级人民政府民政部门'}审核确认，审核确认结果另行书面告知。` +
        '你（户）对初审意见有异议的，可以向本机关提出，并提供相关佐证材料。',
    ),
    contact(d.station),
  ];
  return { title, author: d.station.issuer, blocks: frame(d, p, title, body) };
}
