/**
 * Words for kinds that travel as codes and are shown in several places: sync record kinds (the
 * sync centre's lists), notice kinds (documents.kinds), face verdicts (capture.face.verdict).
 * Each has a word for a kind this version does not know yet, so a code never reaches the screen.
 */
export const labels = {
  recordKinds: {
    case: { upsert: '案件登记与办理', authorization: '授权书', amendment: '案件更正' },
    document: { meta: '文书' },
    certification: { record: '资格认证记录' },
    change: { proposal: '待遇变更申请' },
    decision: { refusal: '不予批准决定' },
    relief: { payment: '临时救助发放' },
    monitoring: { entry: '低收入人口监测' },
    roster: { imported: '原系统导入在册户' },
    other: '其他记录',
  },
  kindFallback: {
    notice: '其他文书',
    verdict: '待定',
  },
} as const;
