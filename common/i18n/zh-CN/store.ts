/** Messages of the store capability. Error codes live under `errors`; each key is an ErrorCode. */
export const store = {
  errors: {
    // Store and keys
    STORE_NOT_INITIALIZED: '本机尚未完成首次设置（找不到数据或密钥文件）。请由管理员运行首次设置，或从备份恢复。',
    STORE_ALREADY_INITIALIZED: '本机已经完成过首次设置，不能重复设置。如需重新设置，请联系技术支持。',
    STORE_NOT_OPEN: '数据尚未解锁，请先登录。',
    STORE_WRONG_PASSWORD: '用户名或密码不正确，请重新输入。连续输错 {{max}} 次账号将被锁定。',
    STORE_KEYRING_DAMAGED: '密钥文件已损坏（{{reason}}），无法打开数据。数据本身未改动：请从备份恢复密钥文件，或联系技术支持。',
    STORE_KEY_MISMATCH: '密钥文件与数据库不匹配，无法打开数据。请确认数据目录未被替换，或从备份恢复。',
    STORE_OTHER_MACHINE: '这些数据来自另一台电脑，在本机只能用恢复码打开。请管理员输入首次设置时打印的恢复码。',
    STORE_BAD_RECOVERY_CODE: '恢复码不正确，请逐组核对后重新输入（共 6 组，每组 5 个字符）。',
    STORE_DB_DAMAGED: '数据库已损坏（{{detail}}），为保护数据已停止打开。请立即联系管理员从备份恢复。',
    STORE_DB_TOO_NEW: '数据库由较新版本的程序创建（数据版本 {{found}}，本程序支持到 {{supported}}）。请安装最新版本后再打开。',
    STORE_DISK_FULL: '磁盘空间已满，操作未完成，原有数据未改动。请清理磁盘后重试。',
    STORE_IO: '读写数据文件失败（{{detail}}），操作未完成，原有数据未改动。请检查磁盘后重试。',
    STORE_KEYSTORE_INSECURE: '系统密钥库“{{backend}}”不安全，不能用来保存密钥。请使用系统钥匙串（如 gnome-libsecret、kwallet）。',
    STORE_KEYSTORE_BACKEND_CHANGED:
      '系统密钥库已从“{{pinned}}”变为“{{current}}”，无法取出本机密钥。请用参数 --password-store={{pinned}} 启动程序，或由管理员用恢复码恢复。',
    STORE_BUSY: '另一个程序（如命令行工具）正在修改密钥文件，请稍候几秒再试。',
    STORE_IN_USE: '另一个程序（如命令行工具或另一个窗口）正打开着数据，无法更换数据密钥。请关闭其他程序后重试；本次操作未做任何改动。',
    STORE_KEYRING_TAMPERED:
      '密钥文件被改动过（校验码不符），为安全起见已停止。请联系技术支持，从备份恢复密钥文件，并检查谁能接触本机的数据目录。',
    STORE_MACHINE_SECRET_INSECURE:
      '本机密钥文件不安全（{{detail}}：{{path}}），已拒绝使用。请将其目录权限设为 700、文件设为 600，且属于当前用户。',
    STORE_MACHINE_SECRET_INSIDE_DATA:
      '本机密钥目录“{{path}}”位于数据目录之内，复制数据目录就会一并带走它。请改用数据目录之外的位置（JIUZHU_MACHINE_SECRET_DIR）。',
    STORE_MACHINE_SECRET_DAMAGED: '本机密钥文件已损坏（{{path}}），无法用密码登录。请用恢复码恢复，或联系技术支持。',
    STORE_MACHINE_SECRET_SEALED:
      '本机密钥由桌面程序通过系统密钥库保管，此处无法读取。请在本机登录的桌面环境中运行（需能启动救助通工作站桌面程序），或在桌面程序中操作。',
    STORE_SHARED_FOLDER_BAD:
      '本机各账户共用的工作站文件夹“{{path}}”{{detail}}，已停止打开。请由系统管理员重新安装程序（安装时会建好该文件夹和 jiuzhu 用户组），并把使用本机的各个系统账户加入 jiuzhu 组，重新登录系统后再试。',
    STORE_MACHINE_SECRET_UNAVAILABLE: '系统密钥库无法解开本机密钥（{{detail}}）。请确认以原来的系统用户登录，或用恢复码恢复。',
    STORE_BAD_REGION_CODE: '行政区划代码“{{code}}”无效：应为 6 位数字，前两位为有效的省级代码。请核对后重新输入。',
    STORE_BAD_STATION_NAME: '工作站名称不能为空，且不超过 60 个字。',
    // Attachments
    STORE_ATTACHMENT_TOO_LARGE: '文件太大（{{size}}），“{{kind}}”最大允许 {{limit}}。请压缩或重新拍摄后再上传。',
    STORE_ATTACHMENT_BAD_TYPE: '文件格式不受支持，只接受 JPEG、PNG、WebP 图片或 PDF 文件。请转换格式后重试。',
    STORE_ATTACHMENT_MALFORMED: '文件内容已损坏或不完整（{{detail}}），未保存。请重新拍摄或重新扫描。',
    STORE_ATTACHMENT_DAMAGED: '附件 {{id}} 校验失败，内容可能已损坏。请联系管理员检查数据或从备份恢复。',
    STORE_ATTACHMENT_NOT_FOUND: '找不到附件 {{id}}。',
    STORE_ATTACHMENT_BAD_KIND: '附件类别“{{kind}}”未知，或该类别不接受此文件格式。',
    // Accounts and sessions
    AUTH_ACCOUNT_LOCKED: '密码连续输错次数过多，账号已锁定，请于 {{until}} 之后再试，或请管理员重置密码。',
    AUTH_ACCOUNT_DISABLED: '该账号已停用，请联系管理员。',
    AUTH_PASSWORD_TOO_SHORT: '密码至少需要 {{min}} 个字符，请重新设置。',
    AUTH_PASSWORD_ALL_DIGITS: '密码不能全部是数字，请加入字母或符号。',
    AUTH_PASSWORD_IS_USERNAME: '密码不能与用户名相同或包含用户名，请重新设置。',
    AUTH_PASSWORD_REUSED: '新密码不能与当前密码相同，请换一个。',
    AUTH_BAD_USERNAME: '用户名“{{username}}”不合规：只能用 3–32 位小写字母、数字、点、下划线或连字符，且以字母开头。',
    AUTH_USERNAME_TAKEN: '用户名“{{username}}”已被使用，请换一个。',
    AUTH_NO_ROLES: '至少要为账号分配一个岗位。',
    AUTH_LAST_ADMIN: '这是最后一个可用的管理员账号，不能停用或取消其管理员岗位。请先设置另一个管理员。',
    AUTH_SESSION_UNKNOWN: '登录已失效，请重新登录。',
    AUTH_SESSION_LOCKED: '屏幕已锁定，请输入密码解锁后继续（未保存的内容仍在）。',
    AUTH_MUST_CHANGE_PASSWORD: '管理员已重置您的密码，请先修改密码再继续。',
    AUTH_ACCOUNT_NOT_FOUND: '找不到该账号。',
    // Audit
    AUDIT_IMMUTABLE: '审计记录只能追加，不能修改或删除。',
    AUDIT_PERSONAL_DATA: '审计记录不能包含个人信息（字段“{{field}}”），请只记录编号。',
    AUDIT_RETENTION_TOO_SHORT: '审计记录至少保存 {{min}} 天，不能清理更近的记录。',
    AUDIT_CHAIN_BROKEN: '审计记录校验失败：第 {{seq}} 条记录{{reason}}。请立即报告管理员，并保留本机现状。',
    // Backup and restore
    BACKUP_TARGET_UNAVAILABLE: '无法写入备份位置（{{detail}}）。请检查 U 盘或目录是否已插好、可写，然后重试；原有数据未改动。',
    BACKUP_DISK_FULL: '备份位置空间不足，备份未完成，原有数据未改动。请换一个空间更大的位置。',
    BACKUP_CANCELLED: '操作已取消，原有数据未改动。',
    BACKUP_NOT_FOUND: '找不到备份文件“{{file}}”，请检查路径。',
    BACKUP_DAMAGED: '备份文件已损坏或不完整（{{detail}}），已拒绝恢复，现有数据未改动。请换一个备份文件。',
    BACKUP_FOREIGN: '这个备份不属于本工作站（{{detail}}），已拒绝恢复，现有数据未改动。',
    BACKUP_TOO_NEW: '备份由较新版本的程序创建（数据版本 {{found}}），请先升级程序再恢复。',
    BACKUP_TARGET_EXISTS: '备份位置已有同名文件“{{file}}”，为防止覆盖已停止。请换一个文件名，或先移走原文件。',
    BACKUP_NO_SLOT:
      '您的账号在这个备份中没有钥匙（备份之后密码被管理员重置过，或账号是之后新建的）。请由备份当时的管理员恢复，或用恢复码恢复。',
    BACKUP_CHECK_FAILED: '备份内容校验未通过（{{detail}}），已拒绝恢复，现有数据未改动。',
  },
  storeHealth: {
    damagedTitle: '数据库检查发现损坏',
    damagedBody:
      '{{time}} 的后台检查在本机数据库中发现 {{count}} 处损坏。请先完成并打印手头的事项，不要再开始新的办理，立即联系管理员：管理员在“备份”页面用“开始检查”确认后，从最近的备份恢复。在修复之前，下次登录将被拒绝。',
  },
} as const;
