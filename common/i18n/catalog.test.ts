import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../contract/errors';
import { KNOWN_RECORD_KINDS } from '../sync/push';
import { auditActionLabel, auditTargetLabel, faceVerdictLabel, noticeKindLabel, recordKindLabel } from './labels';
import { translate, type MessageKey } from './translate';
import { zhCN } from './zh-CN/index';
import { mergeCatalogGroups } from './zh-CN/merge';

const GROUP_DIR = join(import.meta.dirname, 'zh-CN');

/** Every group of the catalog: each exported object of each file in zh-CN/ beside index and merge. */
async function groups(): Promise<Array<[string, unknown]>> {
  const files = readdirSync(GROUP_DIR).filter((f) => f.endsWith('.ts') && !['index.ts', 'merge.ts'].includes(f));
  const all: Array<[string, unknown]> = [];
  for (const file of files) {
    const module = (await import(join(GROUP_DIR, file))) as Record<string, unknown>;
    for (const [name, group] of Object.entries(module)) all.push([`${file}: ${name}`, group]);
  }
  return all;
}

function leaves(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function lookUp(key: string): unknown {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('message catalog', () => {
  it('fills placeholders', () => {
    expect(translate('idNumber.typing', { count: 6, left: 12 })).toBe('已输入 6 位，还差 12 位');
  });
  it('has a non-empty Chinese message for every error code', () => {
    for (const code of ERROR_CODES) {
      const message = zhCN.errors[code] as string;
      expect(message, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('leaves no English user text in the error messages', () => {
    for (const code of ERROR_CODES) expect(zhCN.errors[code] as string).not.toMatch(/\b(error|failed|invalid)\b/i);
  });
  it('keeps every message of every group: groups sharing a section (home, errors) lose nothing', async () => {
    const all = await groups();
    expect(all.length).toBeGreaterThan(14);
    for (const [name, group] of all) {
      for (const [key, text] of leaves(group)) expect(lookUp(key), `${name}: ${key}`).toBe(text);
    }
  });
  it('refuses a key that two groups define, naming it', () => {
    expect(() => mergeCatalogGroups({ home: { overdue: '已超期' } }, { home: { overdue: '超期' } })).toThrow(
      /"home\.overdue" is defined by two groups/,
    );
    expect(() => mergeCatalogGroups({ home: 'x' }, { home: { overdue: '超期' } })).toThrow(/"home"/);
    expect(mergeCatalogGroups({ home: { a: '甲' } }, { home: { b: '乙' } })).toEqual({ home: { a: '甲', b: '乙' } });
  });
  it('resolves every literal message key the renderer asks for', () => {
    const root = join(import.meta.dirname, '../../renderer/src');
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) {
        if (typeof lookUp(match[1]!) !== 'string') missing.push(`${file.slice(root.length + 1)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
  it('answers an unknown key with the key itself (what the screen check looks for), however deep', () => {
    expect(translate('home.noSuchKey' as MessageKey)).toBe('home.noSuchKey');
    expect(translate('audit.actions.stats.no_such_view' as MessageKey)).toBe('audit.actions.stats.no_such_view');
  });
  it('words every kind through the catalog, and a kind this version does not know as 其他…, never as its code', () => {
    expect(recordKindLabel('case.upsert')).toBe('案件登记与办理');
    expect(recordKindLabel('survey.record')).toBe('其他记录');
    expect(recordKindLabel('rating.record')).toBe('好差评');
    expect(noticeKindLabel('visit-form')).toBe('入户调查表');
    expect(noticeKindLabel('publicity')).toBe('公示名单');
    expect(noticeKindLabel('no-such-kind')).toBe('其他文书');
    expect(faceVerdictLabel('review')).toBe('需人工复核');
    expect(faceVerdictLabel('notApplicable')).toMatch(/[\u4e00-\u9fff]/);
    expect(auditActionLabel('auth.login')).toBe('登录');
    expect(auditActionLabel('stats.no_such_view')).toBe('其他操作');
    expect(auditActionLabel('__proto__.x')).toBe('其他操作');
    expect(auditTargetLabel('case')).toBe('案件');
    for (const kind of KNOWN_RECORD_KINDS) expect(recordKindLabel(kind), kind).not.toBe('其他记录');
  });
});
