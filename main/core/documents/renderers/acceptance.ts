/** 受理通知书 */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { AcceptanceData } from '../../../../common/documents/acceptance';
import type { DocumentLayout } from '../layout/blocks';
import { contact, frame, numbered, para, salutation } from '../frame';
import { presenter } from '../present';

export function acceptanceLayout(d: AcceptanceData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const body = [
    salutation(p.name(d.applicant.name)),
    para(
      `你（户）于${p.date(d.receivedOn)}提出的${cat}申请（受理编号：${d.caseNo}），经审查，申请材料齐全，` +
        `符合法定形式，本机关决定自${p.date(d.acceptedOn)}起予以受理。`,
    ),
    para(
      `本机关将自受理之日起3个工作日内启动家庭经济状况调查核实，并在${d.decisionWorkingDays}个工作日内办结；` +
        `有特殊情况需要延长的，将另行书面告知。请你（户）如实提供情况，配合入户调查和信息核对；家庭人口、收入、财产状况发生变化的，请及时告知。`,
    ),
    ...(d.materials.length > 0 ? [para('已收取的申请材料：'), ...numbered(d.materials)] : []),
    contact(d.station),
  ];
  return { title: '受理通知书', author: d.station.issuer, blocks: frame(d, p, '受理通知书', body) };
}
