/** Words of the diagnostics export and of a screen that failed to draw (main/core/diagnostics). */
export const diagnostics = {
  diagnostics: {
    title: '诊断信息',
    help: '程序出错或同步异常时，导出诊断信息交给县里的信息技术人员。文件包含日志、版本、本机设置和同步状态，不含姓名、身份证号等个人信息，也不含数据库和密钥。',
    export: '导出诊断信息',
    done: '已导出 {{fileName}}（{{files}} 个文件，{{size}} KB）',
    crashed: {
      title: '这一页没能显示出来',
      body: '请点“重新加载”。正在填写的受理会自动保存为草稿，重新加载后可以继续。如果仍然出错，请管理员在“数据备份”页导出诊断信息，交县里的信息技术人员。',
      reload: '重新加载',
    },
  },
} as const;
