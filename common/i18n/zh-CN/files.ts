/** Errors of the kernel's file readers (main/core/kernel/files: ZIP and .xlsx). */
export const files = {
  errors: {
    FILE_ZIP_INVALID: '文件已损坏或不是完整的 Excel 文件，无法读取。请从原系统重新导出后再选择。',
    FILE_ZIP_UNSUPPORTED:
      '文件使用了不支持的压缩方式（加密、分卷或超大文件格式）。请在 Excel 中取消密码保护，另存为普通的 Excel 工作簿后再选择。',
    FILE_ZIP_TOO_LARGE: '文件解压后超过 {{mb}} MB，超出导入上限。请按乡镇或类别分成几个文件分批导入。',
    FILE_ZIP_TOO_MANY: '文件包含 {{count}} 个部件，超过上限 {{max}} 个，不像原系统导出的表格。请重新导出后再选择。',
    FILE_ZIP_BOMB: '文件解压后的大小与压缩后的大小极不相称，可能是恶意文件，已拒绝读取。请从原系统重新导出。',
    FILE_XLSX_OLD_FORMAT: '这是旧版 Excel 97-2003 格式的文件，不能直接导入。请在 Excel 中“另存为” Excel 工作簿后再选择。',
    FILE_XLSX_INVALID: '文件不是有效的 Excel 工作簿，无法读取表格内容。请确认选择的是原系统导出的 Excel 工作簿文件。',
  },
} as const;
