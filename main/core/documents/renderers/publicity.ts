/**
 * 公示 list. Its input schema admits only name, household size and amount per row, so nothing else
 * can reach the paper; names follow the county's publicity masking policy.
 */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { PublicityData } from '../../../../common/documents/publicity';
import { formatYuan } from '../../../../common/format/money';
import { maskName } from '../../../../common/format/mask';
import type { DocumentLayout, TableCell } from '../layout/blocks';
import { frame, measuresOf, para } from '../frame';
import { presenter } from '../present';

export function publicityLayout(d: PublicityData): DocumentLayout {
  // The marks line would only repeat what a 公示 is; the list is public by nature.
  const p = { ...presenter('applicant', d.station), isPublic: false };
  const cat = CATEGORY_LABELS[d.category];
  const stage = d.stage === 'initial' ? '初审' : '审核确认';
  // After an objection the new 初审意见 is posted again (审核确认办法 art. 19): the title says which time.
  const title = d.round > 1 ? `${cat}${stage}公示（第${d.round}次）` : `${cat}${stage}公示`;
  const totalFen = d.rows.reduce((a, r) => a + r.amountFen, 0);
  const people = d.rows.reduce((a, r) => a + r.householdSize, 0);
  const center = (text: string): TableCell => ({ text, align: 'center' });
  const body = [
    para(
      `根据${measuresOf(d.category)}的规定，现将${d.community}${cat}${stage}对象名单予以公示，` +
        `公示期为${p.date(d.from)}至${p.date(d.to)}。${d.round > 1 ? '前次公示有异议，经重新调查核实后重新提出初审意见，现重新公示。' : ''}本次公示共${d.rows.length}户${people}人，月救助金额合计${formatYuan(totalFen, { grouping: true })}元。`,
    ),
    {
      kind: 'table' as const,
      columns: [1, 3, 2.4, 3],
      header: [center('序号'), center('申请人姓名'), center('家庭人口（人）'), center('月救助金额（元）')],
      rows: d.rows.map((r, i) => [
        center(String(i + 1)),
        center(maskName(r.name, d.station.publicityNameMask)),
        center(String(r.householdSize)),
        { text: formatYuan(r.amountFen, { grouping: true }), align: 'right' as const },
      ]),
    },
    para(
      `公示期内，对公示对象有异议的，可以向${d.station.issuer}实名或者匿名反映` +
        `${d.station.phone ? `（电话：${d.station.phone}）` : ''}，也可以拨打社会救助服务热线${d.station.hotline}。` +
        '本机关将依法保护反映人的个人信息。',
    ),
  ];
  return { title, author: d.station.issuer, blocks: frame({ ...d, reprint: d.reprint }, p, title, body) };
}
