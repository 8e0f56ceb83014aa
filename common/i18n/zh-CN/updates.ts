/** Program updates over the intranet or from a USB stick (main/core/updates). */
export const updates = {
  errors: {
    UPDATE_NO_KEY: '本程序没有配置更新签名公钥，不能验证更新文件。请联系软件供应商。',
    UPDATE_UNREACHABLE: '连不上更新服务器（{{detail}}）。请检查网络，或请管理员用 U 盘离线更新。',
    UPDATE_FEED_BAD: '更新说明文件有误（{{detail}}），已拒绝。请联系县信息技术人员检查更新服务器。',
    UPDATE_SIGNATURE_BAD: '更新说明文件的签名不对，可能被篡改，已拒绝，没有下载任何程序。请联系县信息技术人员。',
    UPDATE_HASH_MISMATCH: '下载的安装程序与签名的说明不符（可能传输出错或被篡改），已删除。请重新下载。',
    UPDATE_NOT_NEWER: '更新文件的版本 {{version}} 不比当前版本 {{current}} 新，不需要安装。',
  },
} as const;
