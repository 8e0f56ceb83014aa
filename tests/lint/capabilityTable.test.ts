import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/ARCHITECTURE.md's capability table names each capability's folder or file on every side. This
 * test holds it to the tree: every name in it exists, and every folder or file that exists is named,
 * so a new capability (or a rename on one side) cannot land without the table saying where it lives.
 */
const root = join(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');

/**
 * Column → how a name in it is found on disk, and what on disk must be named. The contract methods and the
 * catalog name a file (`cases` is methods/cases.ts) or a folder of them (`afterAcceptance` holds one file per
 * method group or catalog part of a capability that has several).
 */
const SIDES = [
  { column: 1, label: 'common/', path: (n: string) => join(root, 'common', n), listed: () => folders('common') },
  {
    column: 2,
    label: 'contract methods',
    path: (n: string) => fileOrFolder('common/contract/methods', n),
    listed: () => [...files('common/contract/methods'), ...folders('common/contract/methods')],
  },
  { column: 3, label: 'main/core/', path: (n: string) => join(root, 'main/core', n), listed: () => coreFolders() },
  { column: 4, label: 'renderer/src/', path: (n: string) => join(root, 'renderer/src', n), listed: () => folders('renderer/src') },
  {
    column: 5,
    label: 'catalog',
    path: (n: string) => fileOrFolder('common/i18n/zh-CN', n),
    listed: () => [...files('common/i18n/zh-CN'), ...folders('common/i18n/zh-CN')],
  },
] as const;

/** `dir/name.ts`, or `dir/name/` when that folder holds TypeScript files (else a path that does not exist). */
function fileOrFolder(dir: string, name: string): string {
  const file = join(root, dir, `${name}.ts`);
  if (existsSync(file)) return file;
  const folder = join(root, dir, name);
  return existsSync(folder) && files(`${dir}/${name}`).length > 0 ? folder : file;
}

function folders(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}
function files(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .map((n) => n.slice(0, -3));
}
/** main/core's folders; a folder without code of its own (devices) is named by its inner folders. */
function coreFolders(): string[] {
  return folders('main/core').flatMap((name) => {
    const hasCode = readdirSync(join(root, 'main/core', name)).some((n) => n.endsWith('.ts'));
    return hasCode ? [name] : folders(`main/core/${name}`).map((inner) => `${name}/${inner}`);
  });
}

function tableRows(): string[][] {
  const section = doc.slice(doc.indexOf('## Capabilities, one name on each side'));
  const lines = section.slice(0, section.indexOf('\n## ', 4)).split('\n');
  return lines
    .filter((line) => line.startsWith('| ') && !line.startsWith('| capability |'))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.trim()),
    );
}

const namesIn = (cell: string) => (cell === '—' ? [] : [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));

describe('the capability table in docs/ARCHITECTURE.md', () => {
  const rows = tableRows();

  it('has a row per capability, six cells each', () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row, row.join(' | ')).toHaveLength(6);
  });

  for (const side of SIDES) {
    it(`names only what exists in ${side.label}`, () => {
      const missing = rows.flatMap((row) => namesIn(row[side.column]!)).filter((n) => !existsSync(side.path(n)));
      expect(missing).toEqual([]);
    });

    it(`names everything in ${side.label}`, () => {
      const named = new Set(rows.flatMap((row) => namesIn(row[side.column]!)));
      expect(side.listed().filter((n) => !named.has(n))).toEqual([]);
    });
  }
});
