/** 审核确认通知书 — the amount in figures and in capitals, and the benefits that come with it. */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { ApprovalData } from '../../../../common/documents/approval';
import { yuanCapitals, yuanText } from '../../../../common/format/money';
import type { Block, DocumentLayout } from '../layout/blocks';
import { contact, frame, legalBasis, para, salutation } from '../frame';
import { presenter } from '../present';

export function approvalLayout(d: ApprovalData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const body = [
    salutation(p.name(d.applicant.name)),
    para(
      `你（户）申请的${cat}（编号：${d.caseNo}），经调查核实、公示，本机关于${p.date(d.decidedOn)}审核确认：` +
        `你家庭共${d.householdSize}人，符合${cat}条件，予以批准。`,
    ),
    para(
      `自${p.month(d.startMonth)}起按月发放救助金，每月${yuanText(d.monthlyAmountFen)}（${yuanCapitals(d.monthlyAmountFen)}），` +
        `通过金融机构代发至你户账户。`,
    ),
    ...linkedBenefits(d.linkedBenefits),
    ...(d.nextReviewOn ? [para(`本机关将于${p.date(d.nextReviewOn)}前对你家庭经济状况进行复核。`)] : []),
    para('家庭人口、收入、财产状况发生变化的，请在变化之日起及时告知；隐瞒不报或者虚报冒领的，将依法追回并承担相应责任。'),
    ...legalBasis(d.legalBasis),
    contact(d.station),
  ];
  return { title: '审核确认通知书', author: d.station.issuer, blocks: frame(d, p, '审核确认通知书', body) };
}

/**
 * 一件事一次办 / 免申即享: what the household receives without applying again, and the department
 * that handles each item, as a ruled list. Nothing is printed when the approval carries none.
 */
function linkedBenefits(items: ApprovalData['linkedBenefits']): Block[] {
  if (items.length === 0) return [];
  const cell = (text: string, align: 'left' | 'center' = 'center') => ({ text, align });
  return [
    para('根据“一件事一次办”“免申即享”有关规定，你户无需另行申请，即可同时享受以下救助和优惠政策，由本机关将审核确认结果推送至办理部门：'),
    {
      kind: 'table',
      columns: [10, 50, 40],
      size: 10.5,
      header: [cell('序号'), cell('项目'), cell('办理部门')],
      rows: items.map((b, i) => [cell(String(i + 1)), cell(b.name, 'left'), cell(b.department ?? '民政部门协调办理', 'left')]),
    },
  ];
}
