import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PULL_ITEM_SCHEMAS } from './records/index';

const docs = join(__dirname, '..', 'docs');
const KINDS = Object.keys(PULL_ITEM_SCHEMAS).sort();

/** The rows of the items table of §7 (Pull): the kind named in backticks in the first column. */
function itemsTableKinds(markdown: string): string[] {
  const pull = markdown.slice(markdown.indexOf('\n## 7. Pull'));
  const section = pull.slice(0, pull.indexOf('\n## ', 1));
  const table = section.slice(section.indexOf('| kind |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.map((r) => /^\| `([^`]+)` \|/.exec(r)?.[1] ?? `unreadable row: ${r.slice(0, 40)}`).sort();
}

/**
 * A pull item kind cannot land undocumented: every kind the workstation reads (the registry,
 * sync-protocol/records/pullItems.ts) has its row in the items table of docs/sync-protocol.md §7 and
 * is in the `PullItem` kinds of docs/sync-openapi.yaml — and neither names a kind the registry does not have.
 */
describe('pull item kinds are documented', () => {
  it('docs/sync-protocol.md §7 has one row per kind of the registry in its items table', () => {
    expect(itemsTableKinds(readFileSync(join(docs, 'sync-protocol.md'), 'utf8'))).toEqual(KINDS);
  });

  it('docs/sync-openapi.yaml lists every kind of the registry as a PullItem kind', () => {
    const doc = parse(readFileSync(join(docs, 'sync-openapi.yaml'), 'utf8')) as {
      components: { schemas: { PullItem: { properties: { kind: { enum: string[] } } } } };
    };
    expect([...doc.components.schemas.PullItem.properties.kind.enum].sort()).toEqual(KINDS);
  });
});
