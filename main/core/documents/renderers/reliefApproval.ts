/** 临时救助审核确认通知书 — the granted total in figures and capitals, how and in how many instalments it is paid, the 先行救助 already given. */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { ReliefApprovalData } from '../../../../common/documents/reliefApproval';
import { yuanCapitals, yuanText } from '../../../../common/format/money';
import type { DocumentLayout } from '../layout/blocks';
import { contact, frame, legalBasis, para, salutation } from '../frame';
import { presenter } from '../present';

type Paid = { form: ReliefApprovalData['form']; inKind?: string | undefined };

/** 以现金方式 / 以实物（大米 50 斤）方式 / 通过转账方式. */
function how(p: Paid): string {
  if (p.form === 'cash') return '以现金方式';
  if (p.form === 'transfer') return '通过银行转账方式';
  return `以实物方式（${p.inKind ?? ''}）`;
}

export function reliefApprovalLayout(d: ReliefApprovalData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const title = '临时救助审核确认通知书';
  const money = (fen: number) => `${yuanText(fen)}（${yuanCapitals(fen)}）`;
  const instalments = d.payments === 1 ? '一次性发放' : `分${d.payments}次发放`;
  const body = [
    salutation(p.name(d.applicant.name)),
    para(
      `你（户）申请的${cat}（编号：${d.caseNo}），经调查核实、公示，本机关于${p.date(d.decidedOn)}审核确认：` +
        `你家庭共${d.householdSize}人，符合临时救助条件，予以救助。`,
    ),
    para(`核定临时救助金额${money(d.amountFen)}，${how(d)}${instalments}。`),
    ...(d.advance ? [para(`本机关已于${p.date(d.advance.paidOn)}${how(d.advance)}先行救助${money(d.advance.amountFen)}。`)] : []),
    para('临时救助为一次性（或分次）救助，不按月发放，不纳入最低生活保障在册对象管理。困难情形仍未解除的，可以按规定申请其他社会救助。'),
    para('隐瞒不报或者虚报冒领的，将依法追回并承担相应责任。'),
    ...legalBasis(d.legalBasis),
    contact(d.station),
  ];
  return { title, author: d.station.issuer, blocks: frame(d, p, title, body) };
}
