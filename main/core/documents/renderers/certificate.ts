/** 救助证明 — holder, category, amount, since, next review, issuer, the verification QR and 12349. */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { CertificateData } from '../../../../common/documents/certificate';
import type { CertificateFacts } from '../../../../common/documents/certificatePayload';
import { maskName } from '../../../../common/format/mask';
import { yuanCapitals, yuanText } from '../../../../common/format/money';
import type { DocumentLayout } from '../layout/blocks';
import { frame, para } from '../frame';
import { presenter } from '../present';
import { qrSymbol } from '../certificate/qr';

/** What the QR code carries: the holder always masked, whatever the copy. */
export function certificateFacts(d: CertificateData): CertificateFacts {
  return {
    certificateId: d.certificateId,
    holder: maskName(d.holder.name, d.station.nameMask === 'none' ? 'keep-first-last' : d.station.nameMask),
    idTail: d.holder.idNumber.slice(-4),
    category: d.category,
    monthlyAmountFen: d.monthlyAmountFen,
    since: d.since,
    validUntil: d.validUntil,
    issuerId: d.issuerId,
  };
}

export function certificateLayout(d: CertificateData, payload: string): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const qr = qrSymbol(payload);
  const body = [
    { kind: 'paragraph' as const, text: `证明编号：${d.certificateId}`, align: 'right' as const },
    para(
      `兹证明${p.name(d.holder.name)}（公民身份号码：${p.id(d.holder.idNumber)}）家庭，户主${p.name(d.headOfHousehold)}，` +
        `共${d.householdSize}人，经审核确认为本辖区${cat}对象，自${p.month(d.since)}起享受救助，` +
        `现每月救助金${yuanText(d.monthlyAmountFen)}（${yuanCapitals(d.monthlyAmountFen)}）${d.careOrTier ? `，${d.careOrTier}` : ''}。`,
    ),
    ...(d.nextReviewOn ? [para(`下次复核时间：${p.date(d.nextReviewOn)}。`)] : []),
    para(`本证明有效期至${p.date(d.validUntil)}${d.purpose ? `，仅用于${d.purpose}` : ''}。`),
    para('特此证明。'),
    {
      kind: 'qr' as const,
      modules: qr.modules,
      sizeMm: 28,
      caption: ['扫描二维码核验本证明真伪', `证明编号：${d.certificateId}`, `社会救助服务热线：${d.station.hotline}`],
    },
  ];
  return { title: '救助证明', author: d.station.issuer, blocks: frame(d, p, '救助证明', body) };
}
