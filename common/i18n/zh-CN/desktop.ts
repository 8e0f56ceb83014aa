/** The desktop shell's own words: its application menu (main/electron/menu.ts). */
export const desktop = {
  desktop: {
    menu: {
      app: '救助通工作站',
      edit: '编辑',
      undo: '撤销',
      redo: '重做',
      cut: '剪切',
      copy: '复制',
      paste: '粘贴',
      selectAll: '全选',
      view: '视图',
      resetZoom: '实际大小',
      zoomIn: '放大',
      zoomOut: '缩小',
      fullScreen: '全屏',
      window: '窗口',
      minimize: '最小化',
      close: '关闭窗口',
      quit: '退出',
      developer: '开发',
      reload: '重新载入',
      forceReload: '强制重新载入',
      devTools: '开发者工具',
    },
    startFailed: {
      title: '救助通工作站无法启动',
      body: '{{reason}}\n\n请联系管理员处理；问题原因已写入日志。',
      unknown: '启动时发生未知错误。',
    },
  },
} as const;
