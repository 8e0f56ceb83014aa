/** 补正材料通知书 — lists every missing item at once (一次性告知). */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { SupplementData } from '../../../../common/documents/supplement';
import type { DocumentLayout } from '../layout/blocks';
import { contact, frame, measuresOf, numbered, para, salutation } from '../frame';
import { presenter } from '../present';

export function supplementLayout(d: SupplementData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const items = d.missing.map((m) => (m.note ? `${m.item}（${m.note.replace(/[。.]$/, '')}）` : m.item));
  const body = [
    salutation(p.name(d.applicant.name)),
    para(
      `你（户）于${p.date(d.receivedOn)}提出的${cat}申请（编号：${d.caseNo}），经审查，申请材料不齐全。` +
        `根据${measuresOf(d.category)}的规定，现一次性告知需要补正的全部材料（共${items.length}项）：`,
    ),
    ...numbered(items),
    para(
      `${d.dueBy ? `请于${p.date(d.dueBy)}前` : '请尽快'}补齐上述材料，材料齐全后本机关即予受理。` +
        `可以通过政务服务平台查询获取的材料，无需重复提供。`,
    ),
    contact(d.station),
  ];
  return { title: '补正材料通知书', author: d.station.issuer, blocks: frame(d, p, '补正材料通知书', body) };
}
