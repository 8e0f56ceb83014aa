import type { MenuItemConstructorOptions } from 'electron';
import { translate } from '../../common/i18n/translate';
import type { desktop } from '../../common/i18n/zh-CN/desktop';

/** Roles that open the page's insides or reload it (losing unsaved work): development builds only. */
export const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools'] as const;

const m = (key: keyof typeof desktop.desktop.menu) => translate(`desktop.menu.${key}`);

/**
 * The application menu. Electron's default menu carries Reload and Toggle Developer Tools (and
 * their shortcuts, Ctrl+R and Ctrl+Shift+I) in every build; this one has them only when the app is
 * not packaged. Editing and zoom stay, since the clerk's shortcuts (copy, paste, select all) come
 * from the menu's roles on macOS.
 */
export function appMenuTemplate(options: { packaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ label: m('app'), submenu: [{ role: 'quit', label: m('quit') }] });
  template.push({
    label: m('edit'),
    submenu: [
      { role: 'undo', label: m('undo') },
      { role: 'redo', label: m('redo') },
      { type: 'separator' },
      { role: 'cut', label: m('cut') },
      { role: 'copy', label: m('copy') },
      { role: 'paste', label: m('paste') },
      { role: 'selectAll', label: m('selectAll') },
    ],
  });
  template.push({
    label: m('view'),
    submenu: [
      { role: 'resetZoom', label: m('resetZoom') },
      { role: 'zoomIn', label: m('zoomIn') },
      { role: 'zoomOut', label: m('zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: m('fullScreen') },
    ],
  });
  template.push({
    label: m('window'),
    submenu: [
      { role: 'minimize', label: m('minimize') },
      { role: 'close', label: m('close') },
    ],
  });
  if (!options.packaged) {
    template.push({
      label: m('developer'),
      submenu: [
        { role: 'reload', label: m('reload') },
        { role: 'forceReload', label: m('forceReload') },
        { role: 'toggleDevTools', label: m('devTools') },
      ],
    });
  }
  return template;
}
