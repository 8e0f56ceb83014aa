/** 家庭经济状况核对授权书 — one per signer: the text, the signature, the face photo and the time. */
import { CATEGORY_LABELS } from '../../../../common/documents/common';
import type { AuthorizationData } from '../../../../common/documents/authorization';
import { chineseDateTime } from '../../../../common/format/chineseDateHan';
import type { DocumentLayout } from '../layout/blocks';
import { frame, para } from '../frame';
import { presenter } from '../present';

export function authorizationLayout(d: AuthorizationData): DocumentLayout {
  const p = presenter(d.copy, d.station);
  const cat = CATEGORY_LABELS[d.category];
  const body = [
    para(
      `本人${p.name(d.signer.name)}（公民身份号码：${p.id(d.signer.idNumber)}），系${p.name(d.applicantName)}户${cat}申请` +
        `（编号：${d.caseNo}）的${d.relation === '本人' ? '申请人本人' : `家庭成员（与申请人关系：${d.relation}）`}。`,
    ),
    para(
      `为核实家庭经济状况，本人自愿授权${d.station.issuer}及县级以上人民政府民政部门，通过公安、人力资源社会保障、` +
        `自然资源、住房城乡建设、市场监管、税务、医疗保障、住房公积金管理、银行、保险、证券等部门和机构，` +
        `查询、核对本人的户籍、收入、财产及其他家庭经济状况信息。`,
    ),
    para(
      '本人承诺所提供的信息真实、完整。核对所得信息仅用于社会救助的审核确认及动态管理，' +
        '有关部门应当依法予以保密。本授权自签署之日起至救助终止之日止有效。',
    ),
    ...(d.signaturePng && d.signedAt
      ? [
          {
            kind: 'images' as const,
            items: [
              { label: '授权人签名', field: 'signaturePng', data: d.signaturePng, widthMm: 60, heightMm: 25 },
              ...(d.facePhoto ? [{ label: '签署时现场照片', field: 'facePhoto', data: d.facePhoto, widthMm: 22, heightMm: 28 }] : []),
            ],
            caption: `签署时间：${chineseDateTime(d.signedAt)}`,
          },
        ]
      : [para('授权人（签名或按指印）：＿＿＿＿＿＿＿＿'), para('签署日期：＿＿＿＿年＿＿月＿＿日')]),
    para(`受理单位：${d.station.issuer}`),
    ...(d.statement ? [para(`授权书文本第 ${d.statement.version} 版，校验码 ${d.statement.sha256.slice(0, 16)}`)] : []),
  ];
  return {
    title: '家庭经济状况核对授权书',
    author: d.station.issuer,
    blocks: frame(d, p, '家庭经济状况核对授权书', body, { header: false, signature: false }),
  };
}
