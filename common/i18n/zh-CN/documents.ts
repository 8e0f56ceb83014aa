/** Messages of the documents capability. Error codes live under `errors`; each key is an ErrorCode. */
export const documents = {
  documents: {
    kinds: {
      authorization: '家庭经济状况核对授权书',
      acceptance: '受理通知书',
      supplement: '补正材料通知书',
      rejection: '不予受理通知书',
      'visit-form': '入户调查表',
      publicity: '公示名单',
      approval: '审核确认通知书',
      refusal: '不予批准通知书',
      certificate: '救助证明',
      termination: '终止/调整通知书',
    },
    certificateValid: '核验通过：证明真实有效',
  },
  errors: {
    DOC_INVALID_DATA: '生成“{{kind}}”所需的数据有误（{{path}}）：{{detail}}。文书未生成，请补全或更正后重试。',
    DOC_MISSING_GLYPH:
      '字库中没有这些字：{{chars}}（{{fields}}），打印出来会是空白方框，文书未生成。请先核对是否输错；确属生僻字的，请联系管理员补充字库，或按规定打印后手写补填。',
    DOC_FONTS_MISSING: '找不到文书字体文件 {{file}}，文书未生成。请重新安装程序，或请管理员运行 scripts/copy-fonts.js 复制字体。',
    DOC_BAD_IMAGE: '“{{field}}”的图片无法读取，文书未生成。请重新采集签名或照片后再生成。',
    DOC_NO_SIGNING_KEY: '出具救助证明需要本站的签名密钥，当前没有，证明未生成。请管理员先完成设备登记或生成本站密钥。',
    DOC_RENDER_FAILED: '生成“{{kind}}”时出错：{{detail}}。文书未生成，请重试；仍不行请联系管理员。',
    CERT_MALFORMED: '这不是本系统出具的救助证明核验码，或核验码不完整。请重新扫描，或核对证明原件。',
    CERT_BAD_SIGNATURE: '核验未通过：证明内容与签名不符，可能被改动或伪造。请勿采信，并向出具单位或 12349 热线核实。',
    CERT_UNKNOWN_ISSUER: '核验未通过：出具单位（{{issuer}}）不在本机的可信名单中。请同步最新数据后重试，或向 12349 热线核实。',
    CERT_EXPIRED: '该证明已于 {{validUntil}} 到期，现已失效。请持证人到工作站重新开具。',
  },
} as const;
