/**
 * 村（居）公示汇总名单: every household of one village/community in 公示 (or approved) in a period,
 * one table per category. Rows are only name (masked by the county's 公示 policy), household size
 * and monthly amount — the schema admits nothing else.
 */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { PublicityListData } from '../../../../common/documents/publicityList';
import { formatYuan } from '../../../../common/format/money';
import { maskName } from '../../../../common/format/mask';
import type { Block, DocumentLayout, TableCell } from '../layout/blocks';
import { frame, para } from '../frame';
import { presenter } from '../present';

const center = (text: string): TableCell => ({ text, align: 'center' });

export function publicityListLayout(d: PublicityListData): DocumentLayout {
  // Public by nature: the marks line would only repeat it.
  const p = { ...presenter('applicant', d.station), isPublic: false };
  const initial = d.stage === 'initial';
  const title = initial ? `${d.community}社会救助初审公示名单` : `${d.community}社会救助对象公布名单`;
  const households = d.sections.reduce((n, s) => n + s.rows.length, 0);
  const people = d.sections.reduce((n, s) => n + s.rows.reduce((a, r) => a + r.householdSize, 0), 0);
  const intro = initial
    ? `根据《最低生活保障审核确认办法》《特困人员认定办法》等规定，现将${p.date(d.from)}至${p.date(d.to)}期间在${d.community}公示的社会救助初审对象名单汇总公示。`
    : `根据《最低生活保障审核确认办法》第二十四条等规定，现将${p.date(d.from)}至${p.date(d.to)}期间审核确认的${d.community}社会救助对象名单予以公布。`;
  const body: Block[] = [para(`${intro}共${households}户${people}人。`)];
  for (const s of d.sections) {
    const totalFen = s.rows.reduce((a, r) => a + r.amountFen, 0);
    const size = s.rows.reduce((a, r) => a + r.householdSize, 0);
    body.push({
      kind: 'heading',
      level: 2,
      text: `${CATEGORY_LABELS[s.category]}（${s.rows.length}户${size}人，月金额合计${formatYuan(totalFen, { grouping: true })}元）`,
    });
    body.push({
      kind: 'table',
      columns: [1, 3, 2.4, 3],
      header: [center('序号'), center('申请人姓名'), center('家庭人口（人）'), center('月救助金额（元）')],
      rows: s.rows.map((r, i) => [
        center(String(i + 1)),
        center(maskName(r.name, d.station.publicityNameMask)),
        center(String(r.householdSize)),
        { text: formatYuan(r.amountFen, { grouping: true }), align: 'right' as const },
      ]),
    });
  }
  body.push(
    para(
      `对名单有异议的，可以向${d.station.issuer}实名或者匿名反映${d.station.phone ? `（电话：${d.station.phone}）` : ''}，` +
        `也可以拨打社会救助服务热线${d.station.hotline}。本机关将依法保护反映人的个人信息。`,
    ),
  );
  return { title, author: d.station.issuer, blocks: frame({ ...d, reprint: d.reprint }, p, title, body) };
}
