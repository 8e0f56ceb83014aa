import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { DEVELOPER_ROLES, appMenuTemplate } from './menu';

/** Every item of a menu template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const roles = (template: MenuItemConstructorOptions[]) =>
  items(template)
    .map((i) => i.role)
    .filter(Boolean);

describe('the application menu', () => {
  it.each(['win32', 'linux', 'darwin'] as const)('has no reload and no developer tools in a packaged build (%s)', (platform) => {
    const packaged = appMenuTemplate({ packaged: true, platform });
    for (const role of [...DEVELOPER_ROLES, 'viewMenu', 'windowMenu', 'appMenu', 'editMenu', 'fileMenu', 'help'])
      expect(roles(packaged)).not.toContain(role);
    expect(roles(packaged)).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'zoomIn', 'close']));
  });

  it('keeps reload and developer tools for development', () => {
    expect(roles(appMenuTemplate({ packaged: false, platform: 'linux' }))).toEqual(expect.arrayContaining([...DEVELOPER_ROLES]));
  });

  it('labels every item in Chinese from the catalog', () => {
    for (const item of items(appMenuTemplate({ packaged: false, platform: 'darwin' }))) {
      if (item.type === 'separator') continue;
      expect(item.label, String(item.role)).toMatch(/^[\u4e00-\u9fff]+$/);
    }
  });
});
