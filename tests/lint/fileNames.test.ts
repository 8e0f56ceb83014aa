import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One file-name case (docs/ARCHITECTURE.md, "Names"): a TypeScript or JavaScript module is camelCase
 * (`auditLog.ts`, `auditLog.test.ts`), a React component's file PascalCase (`DeadlineLists.tsx`), a
 * migration its four-digit step then camelCase (`0860PublishedCalendar.ts`); folders inside the
 * top-level ones are camelCase too. The top-level folders keep their package-like names
 * (`city-platform`, `sync-protocol`), a locale folder its tag (`zh-CN`), and the installed command its
 * name (`bin/jiuzhu-admin.js`). Test helpers have one folder name, `testing/` (not `test/`, `testSupport/`,
 * `support/` or `helpers/`).
 */
const root = join(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
const CODE = /\.(ts|tsx|js|cjs|mjs)$/;
const EXEMPT_FILES = new Set(['bin/jiuzhu-admin.js']);
const LOCALE = /^[a-z]{2}-[A-Z]{2}$/;
const HELPER_FOLDERS = new Set(['test', 'testSupport', 'support', 'helpers']);
const HELPER_FILES = new Set(['testSupport', 'helpers']);

const camel = /^[a-z][a-zA-Z0-9]*$/;
const pascal = /^[A-Z][a-zA-Z0-9]*$/;
const migration = /^\d{4}[A-Z][a-zA-Z0-9]*$/;

export function badFileName(path: string): string | undefined {
  const segments = path.split('/');
  const base = segments.pop()!;
  const stem = base.split('.')[0]!;
  const fileOk =
    camel.test(stem) || (base.endsWith('.tsx') && pascal.test(stem)) || (segments.at(-1) === 'migrations' && migration.test(stem));
  if (!fileOk) return `${path}: the file name is not camelCase`;
  const folder = segments.slice(1).find((s) => !camel.test(s) && !LOCALE.test(s));
  if (folder) return `${path}: the folder ${folder} is not camelCase`;
  const helpers = segments.find((s) => HELPER_FOLDERS.has(s)) ?? (HELPER_FILES.has(stem) ? stem : undefined);
  if (helpers) return `${path}: test helpers live in a testing/ folder, not ${helpers}`;
  return undefined;
}

describe('file names', () => {
  const code = tracked.filter((p) => CODE.test(p) && !EXEMPT_FILES.has(p) && !p.startsWith('.'));

  it('finds the project’s code (the check is not vacuous)', () => {
    expect(code.length).toBeGreaterThan(1000);
  });

  it('names every module camelCase, every component PascalCase, every migration by its step', () => {
    expect(code.map(badFileName).filter(Boolean)).toEqual([]);
  });

  it('refuses the forms the rule rules out', () => {
    expect(badFileName('main/core/kernel/audit/audit-log.ts')).toMatch(/not camelCase/);
    expect(badFileName('main/core/kernel/audit/AuditLog.ts')).toMatch(/not camelCase/);
    expect(badFileName('tools/link-proxy/proxy.ts')).toMatch(/folder link-proxy/);
    expect(badFileName('main/core/kernel/store/migrations/0010-station.ts')).toMatch(/not camelCase/);
    expect(badFileName('main/core/kernel/store/testSupport/fixtures.ts')).toMatch(/testing\/ folder, not testSupport/);
    expect(badFileName('main/core/devices/idcard/test/station.ts')).toMatch(/testing\/ folder, not test$/);
    expect(badFileName('main/core/sync/engine/testSupport.ts')).toMatch(/testing\/ folder/);
    expect(badFileName('main/core/kernel/store/testing/fixtures.ts')).toBeUndefined();
    expect(badFileName('renderer/src/cases/DeadlineLists.tsx')).toBeUndefined();
    expect(badFileName('common/i18n/zh-CN/cases.ts')).toBeUndefined();
    expect(badFileName('city-platform/apply/platformRules.ts')).toBeUndefined();
  });
});
