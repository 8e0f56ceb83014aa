/** 审核确认通知书 for 低保边缘 / 刚性支出困难: recognised and monitored, with no monthly amount unless the county pays one. */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { MonitoringApprovalData } from '../../../../common/documents/monitoringApproval';
import { yuanCapitals, yuanText } from '../../../../common/format/money';
import type { DocumentLayout } from '../layout/blocks';
import { contact, frame, legalBasis, para, salutation } from '../frame';
import { presenter } from '../present';

export function monitoringApprovalLayout(d: MonitoringApprovalData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const title = '审核确认通知书';
  const paid =
    d.monthlyAmountFen !== undefined && d.startMonth !== undefined
      ? `自${p.month(d.startMonth)}起按月发放救助金，每月${yuanText(d.monthlyAmountFen)}（${yuanCapitals(d.monthlyAmountFen)}），通过金融机构代发至你户账户。`
      : '纳入低收入人口动态监测，不发放月度金额。民政部门根据你家庭的困难情形给予分类救助帮扶，你户可以按规定申请医疗、教育、住房、就业、临时救助等专项救助。';
  const body = [
    salutation(p.name(d.applicant.name)),
    para(
      `你（户）申请的${cat}认定（编号：${d.caseNo}），经调查核实、公示，本机关于${p.date(d.decidedOn)}审核确认：` +
        `你家庭共${d.householdSize}人，符合${cat}认定条件，纳入低收入人口动态监测范围。`,
    ),
    para(paid),
    ...(d.nextReviewOn ? [para(`本机关将于${p.date(d.nextReviewOn)}前对你家庭经济状况进行复核。`)] : []),
    para('家庭人口、收入、财产状况发生变化的，请在变化之日起及时告知；隐瞒不报或者虚报冒领的，将依法追回并承担相应责任。'),
    ...legalBasis(d.legalBasis),
    contact(d.station),
  ];
  return { title, author: d.station.issuer, blocks: frame(d, p, title, body) };
}
