/**
 * 入户调查表 — a ruled form: household, members, findings, the photos taken (by their SHA-256) and
 * the signatures drawn on the pad by 2+ staff and the family members present; a form without pad
 * signatures (queued before they were taken) keeps boxes for signing on paper.
 */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { VisitFormData } from '../../../../common/documents/visitForm';
import { formatYuan } from '../../../../common/format/money';
import type { Block, DocumentLayout, TableCell } from '../layout/blocks';
import { frame } from '../frame';
import { presenter } from '../present';

const label = (text: string, span = 1): TableCell => ({ text, span, align: 'center', bold: true });
const value = (text: string, span = 1, minLines?: number): TableCell => ({ text, span, ...(minLines ? { minLines } : {}) });

export function visitFormLayout(d: VisitFormData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const members = d.members.map((m) => [
    { text: p.name(m.name), align: 'center' as const },
    { text: m.relation, align: 'center' as const },
    { text: p.id(m.idNumber), align: 'center' as const },
    { text: m.health, align: 'center' as const },
    { text: m.occupation, align: 'center' as const },
    { text: p.isPublic ? '—' : formatYuan(m.monthlyIncomeFen, { grouping: true }), align: 'right' as const },
  ]);
  const columns = [13, 10, 30, 15, 15, 17];
  const signed = d.signatures.length > 0;
  const family = d.signatures.filter((x) => x.role === 'family');
  const SIZE = 10.5; // 五号: the form fits one page
  const household: Block = {
    kind: 'table',
    columns,
    size: SIZE,
    rows: [
      [label('调查单位'), value(d.station.issuer, 5)],
      [label('编号'), value(d.caseNo, 2), label('调查日期'), value(p.date(d.visitedOn), 2)],
      [label('申请人'), value(p.name(d.applicant.name), 2), label('公民身份号码'), value(p.id(d.applicant.idNumber), 2)],
      [label('家庭住址'), value(p.address(d.applicant.address), 5)],
      [
        label('救助类别'),
        value(CATEGORY_LABELS[d.category], 2),
        label('联系电话'),
        value(d.applicant.phone ? p.phone(d.applicant.phone) : '', 2),
      ],
    ],
  };
  const memberTable: Block = {
    kind: 'table',
    columns,
    size: SIZE,
    header: [label('姓名'), label('关系'), label('公民身份号码'), label('健康状况'), label('职业'), label('月收入（元）')],
    rows: members,
  };
  const findings: Block = {
    kind: 'table',
    columns,
    size: SIZE,
    rows: [
      [label('住房情况'), value(d.housing, 5)],
      [label('财产情况'), value(d.assets, 5)],
      [label('生活状况'), value(d.livingConditions, 5, 2)],
      [label('调查意见'), value(d.findings, 5, 3)],
      ...(signed
        ? [
            [label('现场照片'), value(photoList(d.photos), 5)],
            [label('调查人员'), value(`${d.investigators.join('、')}（共${d.investigators.length}人，本人签名见下）`, 5)],
            [label('在场家庭成员'), value(`${family.map((s) => p.name(s.name)).join('、')}（以上情况属实，本人签名见下）`, 5)],
          ]
        : [
            [label('调查人员签名'), value(`${d.investigators.join('、')}（共${d.investigators.length}人，本人签名）`, 5, 3)],
            [label('家庭成员签名'), value('以上情况属实。（在场家庭成员签名）', 5, 2)],
          ]),
    ],
  };
  const body: Block[] = [
    household,
    { kind: 'paragraph', text: '家庭成员情况', font: 'sans', indent: 0 },
    memberTable,
    findings,
    ...signatureBlocks(d, p.name),
  ];
  return { title: '入户调查表', author: d.station.issuer, blocks: frame(d, p, '入户调查表', body, { header: false, signature: false }) };
}

/** Signatures per row of images: three 38 mm boxes fill the 156 mm text block. */
const SIGNATURES_PER_ROW = 3;
/** Hex digits of a photo's SHA-256 printed: enough to tell photos apart and find one in the store. */
const HASH_DIGITS = 16;

function photoList(photos: VisitFormData['photos']): string {
  if (photos.length === 0) return '未拍摄';
  const items = photos.map(
    (ph, i) => `${i + 1}. ${ph.sha256.slice(0, HASH_DIGITS)}（${ph.source === 'camera' ? '现场拍摄' : '文件导入'}）`,
  );
  return `共${photos.length}张，按SHA-256摘要前${HASH_DIGITS}位列出：${items.join('；')}`;
}

function signatureBlocks(d: VisitFormData, name: (n: string) => string): Block[] {
  if (d.signatures.length === 0) return [];
  const items = d.signatures.map((s, i) => ({
    label: `${s.role === 'staff' ? '调查人员' : '家庭成员'} ${s.role === 'staff' ? s.name : name(s.name)}`,
    field: `signatures.${i}.png`,
    data: s.png,
    widthMm: 38,
    heightMm: 15,
  }));
  const rows: Block[] = [];
  for (let i = 0; i < items.length; i += SIGNATURES_PER_ROW) rows.push({ kind: 'images', items: items.slice(i, i + SIGNATURES_PER_ROW) });
  // No heading of its own: it would be left alone at the foot of a full page; each box is labelled.
  return rows;
}
