/** Program updates over the intranet or from a USB stick (main/core/updates). */
export const updates = {
  errors: {
    UPDATE_NO_KEY: '本程序没有配置更新签名公钥，不能验证更新文件。请联系软件供应商。',
    UPDATE_UNREACHABLE: '连不上更新服务器（{{detail}}）。请检查网络，或请管理员用 U 盘离线更新。',
    UPDATE_FEED_BAD: '更新说明文件有误（{{detail}}），已拒绝。请联系县信息技术人员检查更新服务器。',
    UPDATE_SIGNATURE_BAD: '更新说明文件的签名不对，可能被篡改，已拒绝，没有下载任何程序。请联系县信息技术人员。',
    UPDATE_HASH_MISMATCH: '下载的安装程序与签名的说明不符（可能传输出错或被篡改），已删除。请重新下载。',
    UPDATE_NO_SOURCE: '还没有设置更新服务器地址。请在“程序更新”页填写县里提供的地址（http:// 或 https:// 开头），或请信息技术人员在本机预设文件中设置。',
    UPDATE_NOT_DOWNLOADED: '版本 {{version}} 还没有下载到本机（或下载的文件已不在）。请先检查更新并下载。',
    UPDATE_NEEDS_DESKTOP: '安装新版本需要在桌面程序（救助通工作站）中进行，浏览器模式和命令行不能运行安装程序。已验证的安装程序在：{{path}}，请信息技术人员运行它。',
    UPDATE_INSTALL_FAILED: '没能启动安装程序（{{detail}}），程序未作改动。请重试，或请信息技术人员手动运行已验证的安装程序。',
    UPDATE_NOT_NEWER: '更新文件的版本 {{version}} 不比当前版本 {{current}} 新，不需要安装。',
  },
} as const;
