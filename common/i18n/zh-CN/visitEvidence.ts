/** Messages of the home visit's evidence: photos of the living conditions and the signatures on the 入户调查表. */
export const visitEvidence = {
  errors: {
    VISIT_SIGNATURE_MISSING: '入户调查表须由每位调查人员和每位在场家庭成员本人签名，还有 {{count}} 人未签名：{{names}}。请签名后再保存。',
    VISIT_SIGNER_UNKNOWN: '签名人“{{name}}”不在本次调查人员或在场家庭成员名单中。请核对名单或删除该签名。',
    VISIT_SIGNATURE_DUPLICATE: '“{{name}}”签了两次名。请删除多余的签名后再保存。',
    VISIT_SIGNATURE_UNBOUND: '“{{name}}”的签名与当前调查内容不符（签名后调查内容被修改过）。请让其重新签名。',
    VISIT_TOO_MANY_PHOTOS: '现场照片共 {{count}} 张，一次调查最多保存 {{max}} 张。请删去部分照片后再保存。',
  },
  visitEvidence: {
    photos: '现场照片',
    addPhoto: '拍摄或导入照片',
    photoCount: '已添加 {{count}} 张照片',
    noPhotos: '尚未添加照片',
    removePhotos: '清除照片',
    signatures: '签名（调查人员和在场家庭成员本人签名）',
    signHint: '请先填写以上调查内容，再逐一签名；签名后修改调查内容需要重新签名。',
    staff: '调查人员',
    family: '家庭成员',
    sign: '签名',
    resign: '重签',
    signed: '已签名',
    unsigned: '未签名',
    signingFor: '正在签名：{{name}}（{{role}}）',
    cleared: '调查内容已修改，原有签名已作废，请重新签名。',
    evidence: '照片/签名',
    evidenceCount: '{{photos}} 张照片，{{signatures}} 人签名',
  },
} as const;
