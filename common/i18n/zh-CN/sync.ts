/** Messages of the sync capability. Error codes live under `errors`; each key is an ErrorCode. */
export const sync = {
  errors: {
    SYNC_BUNDLE_MALFORMED:
      '收到的同步数据包格式不正确（{{detail}}），未作任何处理。请重新同步；如反复出现，请升级程序或联系管理员。',
    SYNC_BUNDLE_FORGED:
      '同步数据包的签名或加密校验未通过，可能在传输中被篡改，已拒收，未作任何处理。请重新同步；如反复出现，请联系管理员检查网络。',
    SYNC_BUNDLE_WRONG_RECIPIENT:
      '同步数据包不是发给本方的（收件方：{{recipient}}），已拒收。请检查平台地址与本机登记信息是否一致，或联系管理员重新登记。',
    SYNC_BUNDLE_REPLAYED:
      '收到一个已经处理过的旧数据包（序号 {{seq}}，已处理到 {{last}}），已拒收，数据未重复写入。无需处理；如反复出现，请联系管理员。',
    SYNC_BUNDLE_OUT_OF_ORDER:
      '同步数据包顺序不对（应为序号 {{expected}}，收到 {{seq}}），已拒收，未作任何处理。请重新同步。',
    SYNC_BUNDLE_TOO_LARGE:
      '同步数据包过大（{{size}} 字节，上限 {{limit}} 字节），已拒收。请升级程序后重新同步。',
    SYNC_DEVICE_UNKNOWN:
      '平台不认识本机（设备 {{deviceId}}）。请向市级平台申请新的登记码，重新登记本机。',
    SYNC_DEVICE_REVOKED:
      '本机（设备 {{deviceId}}）的登记已被平台注销，不能再同步。请联系区县管理员核实后重新登记。',
    SYNC_ENROLMENT_CODE_INVALID:
      '登记码无效、已使用或已过期。请向市级平台管理员申请新的登记码后重试。',
    SYNC_PLATFORM_KEY_MISMATCH:
      '平台出示的密钥与您填写的平台指纹不一致，本机没有登记，也没有发出任何数据。请逐字核对登记单上印的平台指纹和平台地址后重试；如核对无误仍不一致，可能连到了假冒的平台，请立即联系市级平台管理员核实。',
    SYNC_RECORD_INVALID:
      '第 {{seq}} 条记录内容有误（{{detail}}），平台未接收。请在同步中心查看原因，修改后重新提交。',
    SYNC_RECORD_UNKNOWN_KIND:
      '第 {{seq}} 条记录的类型“{{kind}}”平台不支持，未接收。请升级程序或联系管理员。',
    SYNC_RECORD_SEQ_REGRESSED:
      '第 {{seq}} 条记录的序号不大于平台已收到的序号 {{last}}，未接收。请联系管理员检查本机数据。',
    SYNC_ROSTER_REFUSED:
      '导入的在册户（案件 {{caseNo}}）平台未接收：{{detail}}。本站的导入保持不变，该户以后的办理记录也不能写入平台；请与区县民政核实该户的在册信息，按核实结果处理。',
    SYNC_RECORD_CONFLICT:
      '案件 {{caseId}} 的这次修改基于第 {{baseVersion}} 版，平台上现为第 {{serverVersion}} 版，两者不一致，本次修改没有写入平台。请在同步中心对照两个版本后处理。',
    SYNC_BLOB_HASH_MISMATCH:
      '上传的附件内容与其指纹不符（应为 {{expected}}），平台已丢弃。请重新同步，程序会重新上传该附件。',
    SYNC_BLOB_TOO_LARGE: '附件过大（{{size}} 字节，上限 {{limit}} 字节），未上传。请压缩或重新扫描后再提交。',
    SYNC_UPLOAD_OFFSET_MISMATCH:
      '附件续传位置不一致（平台已收到 {{offset}} 字节），本段未写入。程序会从平台记录的位置继续上传，无需处理。',
    SYNC_UPLOAD_NOT_FOUND: '平台上找不到这次附件上传（可能已过期或已清理）。程序会重新开始上传该附件，无需处理。',
    SYNC_SESSION_EXPIRED: '与平台的同步会话无效或已过期，平台未接收本次数据。程序会自动重新建立会话并重发，无需处理。',
    SYNC_PULL_PAGE_INVALID:
      '从平台下载的数据未通过校验（{{detail}}），已丢弃，下载位置未变。请稍后重新同步；如反复出现，请联系管理员。',
    SYNC_PULL_ITEM_INVALID:
      '从平台下载的一项“{{kind}}”数据内容有误（{{detail}}），本机未采用，已留存待查，其余数据照常同步。如反复出现，请升级程序或联系管理员。',
    SYNC_CURSOR_INVALID: '下载位置标记无效，平台要求重新下载全部数据。程序会自动重新下载，无需处理。',
    SYNC_PROTOCOL_UNSUPPORTED:
      '平台不支持本程序使用的同步协议版本（{{version}}）。请把程序升级到最新版本后再同步。',
    SYNC_SUITE_MISMATCH:
      '对方使用的加密算法套件与本工作站登记时确定的不一致，本次数据已拒收，本机也不会改用其他套件。请联系市级平台管理员核实平台的加密设置；确需更换套件的，须由管理员发新的登记码重新登记。',
    SYNC_SUITE_NOT_OFFERED:
      '市级平台已不再提供本工作站登记时确定的加密算法套件，本次同步未进行，本机也不会改用其他套件。请联系市级平台管理员恢复该套件，或申请新的登记码重新登记。',
    SYNC_RATE_LIMITED: '平台繁忙，请求过多，请 {{seconds}} 秒后再同步；程序会自动稍后重试。',
    SYNC_PLATFORM_UNAVAILABLE:
      '市级平台暂时无法处理请求（{{detail}}）。数据仍保存在本机，程序会自动稍后重试。',
    SYNC_BODY_TOO_LARGE: '发送的数据过大（上限 {{limit}} 字节），平台已拒收。请升级程序后重试。',
    SYNC_ADMIN_FORBIDDEN: '平台管理口令无效，操作被拒绝。请使用平台启动时设置的管理口令。',
    SYNC_NOT_REGISTERED: '本机尚未在市级平台登记，不能同步。请管理员在同步中心用平台发放的登记码登记本机。',
    SYNC_RUNNING: '同步正在进行中，暂不能登记。请等本次同步结束或取消后再试。',
    SYNC_PLATFORM_URL_INVALID: '平台地址“{{url}}”格式不对。请填写以 https:// 开头的完整地址（以登记单为准）。',
    SYNC_PLATFORM_HTTPS_REQUIRED:
      '平台地址“{{url}}”不是以 https:// 开头。为保护群众信息，只能通过 HTTPS 连接市级平台（仅本机测试地址 127.0.0.1、localhost 例外）。请改填登记单上以 https:// 开头的地址。',
    SYNC_TLS_PIN_MISMATCH:
      '市级平台（{{host}}）出示的安全证书与登记时记录的不一致，可能有人冒充平台或拦截了网络，已停止同步，没有发出任何数据。请立即联系管理员核实；如平台确已更换证书，请向平台申请新的登记码，重新登记本机。',
    SYNC_PLATFORM_UNREACHABLE:
      '连不上市级平台（{{detail}}）。数据仍安全保存在本机，程序会在下个同步时段自动重试；急需时请检查网络后点“立即同步”。',
    SYNC_PLATFORM_REFUSED: '市级平台拒绝了请求：{{message}}',
    SYNC_RECORD_NOT_QUARANTINED: '这条记录不在待处理列表中（可能已处理过）。请刷新同步中心后再看。',
    SYNC_COUNTER_TAKEN:
      '窗口号 {{counterNo}} 已被本站另一台工作站（{{deviceName}}）使用，本机未登记，登记码仍可使用。请在同步中心“同步设置”里改填一个本站未用的窗口号（或清空，由平台分配），再用同一登记码重新登记。',
    SYNC_COUNTER_LOCKED:
      '本机已在市级平台登记，窗口号 {{counterNo}} 由平台分配，不能再修改，以免案件编号与本站其他窗口重复。如确需更换，请联系市级平台管理员。',
    SYNC_BLOB_NOT_ON_PLATFORM:
      '平台上没有这份附件（或它不属于本站的案件），无法下载。请到录入该案件的窗口确认附件已同步；对方同步后再试。',
    SYNC_BLOB_REF_UNKNOWN: '本机没有这份附件的记录。请先同步，再打开案件查看附件。',
    SYNC_CLONE_SUSPECTED: '这台电脑的网卡与登记时的不同，可能是从另一台工作站复制的系统，已暂停同步，以免冒用那台电脑的身份。请管理员在“同步中心”重新登记本机；如果只是更换了网卡，请确认是同一台电脑。',
    SYNC_DEVICE_PENDING:
      '本机的新登记（设备 {{deviceId}}）将取代本站这台电脑原来的登记，须由市级平台管理员确认更换设备后才能同步；确认前原登记仍然有效，本机数据保存在本机，不会丢失。请联系市级平台管理员确认；确认后程序会自动恢复同步，无需再次登记。',
    SYNC_UPLOAD_QUOTA_EXCEEDED:
      '本机近期上传到平台的附件已达上限（{{detail}}），平台暂不接收新的附件；已上传的不受影响，数据仍保存在本机。程序会在约 {{seconds}} 秒后自动重试；如附件确实很多，请联系市级平台管理员调整限额。',
  },
  sync: {
    title: '同步中心',
    syncNow: '立即同步',
    cancel: '取消同步',
    register: '登记本机',
    queued: '待上传',
    inFlight: '正在发送',
    acknowledged: '平台已接收',
    rejected: '被退回',
    conflicts: '版本冲突',
    blobsQueued: '待上传附件',
    blobsFailed: '附件上传失败',
    blobsDeferred: '暂缓上传的附件',
    registrationStatus: {
      active: '有效',
      revoked: '已被平台注销',
      unknown: '平台不认识本机',
      pending: '等待市级平台管理员确认更换设备',
    },
    clone: {
      title: '本机可能是复制的系统，同步已暂停',
      detail: '这台电脑的网卡与本机登记时的都不同。从另一台工作站复制的系统会带着那台电脑的登记和密钥，若继续同步就会冒用它的身份。若这是新电脑，请用下面的登记表重新登记本机（需要市级平台发的登记码）；若只是同一台电脑更换了网卡，请确认。',
      confirm: '确认是同一台电脑',
      confirmTitle: '确认这台电脑就是登记时的那台？',
      confirmBody: '只在本机更换过网卡时确认。确认后恢复同步，并记入审计日志。',
      cancel: '取消',
    },
    pending: {
      title: '等待市级平台管理员确认更换设备',
      detail:
        '本机是本站这台电脑重新登记的设备，市级平台管理员确认更换后才能同步；确认前原登记仍然有效，本机的数据都保存在本机。请联系市级平台管理员确认。确认后程序会在几分钟内自动恢复同步，无需再次登记；也可点“立即同步”。',
    },
    deferred: {
      title: '部分附件暂缓上传',
      help: '市级平台对每台工作站每天接收的附件量有上限。其余数据照常同步，这些附件仍保存在本机，到时间会自动重试。',
      item: '附件 {{sha}}… 将于 {{at}} 自动重试',
    },
    lastSuccess: '上次成功同步',
    nextWindow: '下次自动同步',
    never: '从未',
    running: '正在同步',
    stale: '本机已有 {{days}} 天没有成功同步到市级平台，请尽快同步；如网络不通，请联系管理员。',
    skew: '本机时钟与平台相差约 {{minutes}} 分钟，请校准电脑时间（期限和工作日计算依赖正确的时间）。',
    notRegistered: '本机尚未登记到市级平台。请向市级平台管理员索取登记码和平台指纹，然后在下方登记。',
    history: '同步记录',
    quarantine: '需要处理的记录',
    rejectedHelp: '平台退回的记录不会阻塞其他记录。请按原因修改后“重新提交”，或确认后“忽略”。',
    rejectedWhoCan: '平台退回的记录不会阻塞其他记录。处理退回的记录需要{{roles}}的账号：请他们登录后在同步中心按原因“重新提交”或“忽略”。',
    conflictHelp: '请对照下面两个版本：以本机为准点“重新提交”（在平台版本的基础上重新提交本机的内容），以平台为准点“忽略”（平台的版本会在同步时下载到本机）。',
    conflictWhoCan: '处理冲突需要{{roles}}的账号：请他们登录后在同步中心对照两个版本，选择“重新提交”或“忽略”。',
    conflict: {
      newer: '案件 {{caseNo}} 在平台上已是第 {{serverVersion}} 版，本机这次修改基于第 {{baseVersion}} 版：其间其他窗口修改了这个案件并已同步。本次修改没有覆盖平台上的内容。',
      absent: '平台上还没有案件 {{caseNo}}（平台版本 0），本机这次修改基于第 {{baseVersion}} 版：这个案件此前的修改还没有被平台接收（可能被退回或已忽略）。本次修改没有写入平台。',
      older: '平台上的案件 {{caseNo}} 是第 {{serverVersion}} 版，比本机这次修改所依据的第 {{baseVersion}} 版旧：本机此前的修改还没有被平台接收。本次修改没有写入平台。',
      thisCase: '（案件编号未知）',
      mine: '本机（基于第 {{version}} 版）',
      theirs: '平台（第 {{version}} 版）',
      field: '项目',
      differs: '不同',
      none: '—',
      otherDiffers: '另有其他内容不同，本程序无法逐项列出；如拿不准，请以平台为准点“忽略”后在案件页重新办理。',
      persons: '{{n}} 人',
      yes: '是',
      no: '否',
      other: '其他',
      decision: { approved: '批准', refused: '不予批准' },
      fields: {
        caseNo: '案件编号',
        action: '办理事项',
        at: '办理时间',
        state: '案件状态',
        type: '救助类别',
        subtype: '具体类型',
        applicant: '申请人',
        applicantId: '申请人身份证号码',
        householdSize: '家庭人口',
        members: '家庭成员',
        income: '家庭月收入合计',
        assets: '家庭财产合计',
        opinionAmount: '初审意见保障金额（每月）',
        decisionOutcome: '审核确认结果',
        decisionAmount: '批准保障金额（每月）',
        rosterStatus: '在册状态',
        rosterAmount: '在册保障金额（每月）',
        decisionDue: '审核确认期限',
        reason: '理由',
      },
    },
    or: '或',
    phase: { push: '上传记录', blobs: '上传附件', pull: '下载平台数据' },
    waiting: '有 {{n}} 条记录被平台退回或与平台版本冲突，需要{{roles}}登录后在同步中心“需要处理的记录”中对照处理。',
    columns: { seq: '序号', kind: '类型', caseNo: '案件编号', status: '状态', reason: '原因与处理' },
    runColumns: { startedAt: '开始', trigger: '方式', outcome: '结果', pushed: '上传', blobs: '附件', pulled: '下载', bytes: '流量', note: '说明' },
    trigger: { manual: '手动', window: '定时', retry: '重试', other: '其他' },
    runPushed: '{{pushed}}（接收 {{acknowledged}}，退回 {{rejected}}，冲突 {{conflicts}}）',
    run: {
      conflict: '有冲突',
      rejected: '被退回',
      noneTaken: '{{parts}}，均未被平台接收',
      acknowledged: '平台接收 {{n}} 条',
      conflicts: '冲突 {{n}} 条',
      rejectedCount: '退回 {{n}} 条',
      blobsDeferred: '附件暂缓 {{n}} 个',
      blobsFailed: '有附件未能上传',
    },
    resend: '重新提交',
    dismiss: '忽略',
    settings: '同步设置',
    windows: '自动同步时段',
    jitter: '随机延后（分钟）',
    bandwidth: '上传限速（kbit/s，空为不限）',
    staleDays: '超过几天未同步时提醒',
    prefetchDays: '同步时预先下载近几天案件的附件（天，0 为打开时才下载）',
    save: '保存设置',
    platformUrl: '平台地址',
    code: '登记码',
    fingerprint: '平台指纹',
    deviceName: '本机名称',
    deviceNameExample: '一号窗口',
    registered: '已登记：设备 {{deviceId}}，站点 {{stationId}}',
    counterNo: '窗口号',
    counterNoHelp: '本机案件编号中的两位窗口号（1–99，本站唯一）。登记前可在此设置；登记时由平台确认或分配，之后不能再改。',
    counterAssigned: '窗口号 {{counterNo}}（平台分配）',
    blobs: {
      title: '其他窗口录入的附件',
      empty: '该案件没有需要从平台下载的附件。',
      open: '查看',
      retry: '重新下载',
      state: {
        remote: '尚未下载',
        downloading: '正在下载',
        stored: '已下载',
        failed: '校验失败',
        offline: '离线，同步后可查看',
      },
      failedHelp: '下载的附件与其指纹不符，已丢弃，未保存。请稍后点“重新下载”；如反复出现，请联系管理员。',
      offlineHelp: '暂时连不上市级平台，附件还在平台上。网络恢复或下次同步后即可查看。',
      role: { material: '申请材料', signature: '签名', face: '人脸照片', document: '文书' },
      page: '第 {{page}} 页',
    },
    auditAnchor: {
      title: '审计记录与市级平台存证不一致',
      kind: {
        fork: '本机审计日志中已经由市级平台存证的部分被改动或删除过（与存证分叉）。',
        backwards: '本机审计日志比市级平台已存证的还旧（可能恢复了旧的数据文件夹或备份，或删除了记录）。',
        'early-prune': '本机在 180 天保存期未满时清理了已由市级平台存证的审计记录。',
        other: '市级平台发现本机审计日志与存证不符。',
      },
      detail: '平台于 {{at}} 发现（第 {{bundleSeq}} 个同步包；平台存证到第 {{anchoredSeq}} 条，本机报告到第 {{headSeq}} 条）。',
      action: '业务数据照常上报，平台已记录并提醒县级民政部门。请站长立即联系县级民政部门核查，不要自行修改或恢复数据文件夹。',
      anchored: '审计日志已由市级平台存证到第 {{seq}} 条（{{at}}）。',
    },
    outcome: {
      running: '进行中',
      ok: '成功',
      partial: '部分完成',
      failed: '失败',
      cancelled: '已取消',
      pending: '等待确认',
    },
  },
} as const;
