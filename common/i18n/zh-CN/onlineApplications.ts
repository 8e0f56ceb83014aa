/**
 * The 待受理 queue of online applications (main/core/onlineApplications, renderer/src/onlineApplications).
 */
export const onlineApplications = {
  nav: { onlineApplications: '网上申请待受理' },
  audit: {
    actions: {
      'online-application': {
        received: '收到网上申请',
        list: '查看网上申请待受理列表',
        view: '查看网上申请',
        start_intake: '网上申请转窗口受理',
      },
    },
    targetTypes: { online_application: '网上申请' },
  },
  errors: {
    ONLINE_APPLICATION_NOT_FOUND: '没有找到这份网上申请。请刷新待受理列表后重新打开；如仍没有，请在“数据同步”中同步后再试。',
  },
  onlineApplications: {
    title: '网上申请待受理',
    help: '申请人在“救助通”小程序或网格员在手机上提交的申请，同步到本站后在这里等待受理。打开申请查看所填内容，请申请人到窗口补全（读身份证、人脸、材料）后，在受理登记中作出受理、补正或不予受理。',
    show: { waiting: '待受理', all: '全部' },
    columns: {
      submittedAt: '提交时间',
      source: '来源',
      type: '救助类别',
      applicant: '申请人',
      name: '姓名',
      idNumber: '身份证号码',
      household: '家庭人数',
      papers: '材料',
      deadline: '受理期限',
      status: '状态',
    },
    sources: { miniProgram: '救助通小程序', gridWorker: '网格员代办' },
    noLimit: '本县未设受理时限',
    limitNote: '受理时限：自网上提交之日起 {{days}} 个工作日（本县设置）',
    daysLeft: '剩 {{count}} 个工作日（{{date}} 前）',
    dueToday: '今天到期（{{date}}）',
    overdue: '已超期 {{count}} 个工作日（应于 {{date}} 前）',
    met: '已作出受理决定',
    status: { waiting: '待受理' },
    open: '查看',
    empty: '没有待受理的网上申请。',
    detailTitle: '网上申请',
    applicant: '申请人',
    members: '家庭成员',
    papers: '申请人上传的材料',
    signatures: '申请人的签名',
    noPapers: '没有上传材料。',
    otherMaterial: '其他材料',
    noSignatures: '没有签名。',
    page: '第 {{page}} 页',
    reason: '申请理由',
    signedAt: '签名时间',
    startIntake: '到窗口补全并受理',
    continueIntake: '继续受理登记',
    openCase: '查看案件',
    intakeHelp:
      '补全时会打开受理登记，已填好申请人和家庭成员；请读取申请人身份证、完成人脸核验和授权签字、扫描材料，再作出受理、补正或不予受理。',
    back: '返回列表',
  },
};
