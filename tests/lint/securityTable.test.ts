import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/SECURITY.md's "How this is tested" names, for every finding of the security review (issue 14),
 * the test that reproduces it. A reviewer checks the table against the issue; this test checks the
 * table against the tree: every finding has a row, and every row's file and test name exist.
 */
const root = join(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/SECURITY.md'), 'utf8');

interface Row {
  finding: string;
  what: string;
  file: string;
  name: string;
}

function tableRows(): Row[] {
  const section = doc.slice(doc.indexOf('## How this is tested'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| finding |'))
    .map((line) => {
      const cells = line
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((c) => c.replaceAll('\\|', '|').trim());
      expect(cells, line).toHaveLength(5);
      const [finding, what, , file, name] = cells as [string, string, string, string, string];
      return { finding, what, file: file.replace(/^`|`$/g, ''), name };
    });
}

/** The review's findings, each as (number, what its row says): issue 14, item by item. */
const FINDINGS: Array<[string, RegExp]> = [
  ['Fresh machine', /udevadm/],
  ['Fresh machine', /types a port path/],
  ['1', /native code/],
  ['1', /library paths/],
  ['1', /audited/],
  ['2', /document\.meta/],
  ['2', /HEAD/],
  ['2', /dedup/],
  ['3a', /resealed audit chain/],
  ['3a', /shows the flag/],
  ['3b', /copied data folder/],
  ['3b', /safeStorage/],
  ['3c', /what roles do and do not protect against/],
  ['4', /revokes another/],
  ['4', /confirmed by an admin/],
  ['5', /disable/],
  ['5', /recovery/],
  ['5', /per backup/],
  ['6', /two processes/],
  ['7', /request timeout/],
  ['7', /idle timeout/],
  ['7', /read after authentication/],
  ['7', /enrolment codes/],
  ['7', /logins/],
  ['7', /upload quota/],
  ['7', /sweeper/],
  ['8', /enumeration/],
  ['8', /'wx'/],
  ['8', /PDFs 0600/],
  ['8', /--open/],
  ['8', /--recovery-code/],
  ['8', /--admin-token/],
  ['8', /DevTools\/Reload/],
  ['8', /`media` only for explicit video/],
  ['8', /`idcard\.card` only to the clerk's window/],
  ['8', /`idcard\.card` not while locked/],
  ['8', /fingerprint required/],
  ['8', /scrypt floor 2\^15/],
  ['8', /MAC keyed from the database key/],
  ['8', /files saved from the app 0600/],
  ['Probe', /deep JSON: typed 400/],
  ['Probe', /no pending entry left/],
  ['Probe', /INVALID_INPUT` capped/],
  ['Probe', /window ids/],
  ['Probe', /cases\.adminList` masked in core/],
  ['Review', /warnings and `decisions\.retry` are casework/],
  ['Review', /a warning assigned only to whoever can work it/],
];

/** A test's source with string escapes undone, so a title is found as it reads. */
const source = (file: string) => readFileSync(join(root, file), 'utf8').replaceAll("\\'", "'").replaceAll('\\"', '"');

describe("SECURITY.md's table of the review's findings and their tests", () => {
  const rows = tableRows();

  it('has a row for every finding of the review', () => {
    for (const [finding, what] of FINDINGS) {
      expect(
        rows.some((r) => r.finding === finding && what.test(r.what)),
        `${finding} ${what}`,
      ).toBe(true);
    }
  });

  it('names test files that exist and test names that are in them', () => {
    expect(rows.length).toBeGreaterThanOrEqual(FINDINGS.length);
    for (const row of rows) {
      expect(row.file, row.name).toMatch(/\.(test|spec)\.ts$/);
      expect(existsSync(join(root, row.file)), row.file).toBe(true);
      expect(source(row.file), `${row.file}: ${row.name}`).toContain(row.name);
    }
  });

  it('says what roles do not protect against and what the platform anchor adds', () => {
    const roles = doc.slice(doc.indexOf('## What roles do and do not protect against'), doc.indexOf('## Controls'));
    expect(roles).toContain('Anyone with a staff password and the station PC');
    expect(roles).toContain('unwrap the database key and read or rewrite the whole database');
    expect(roles).toContain('the platform anchor makes a');
    const anchor = doc.slice(doc.indexOf('### Station: the audit log and its anchor'), doc.indexOf('### Station: the law'));
    expect(anchor).toContain('flags a **fork**');
    expect(anchor).toContain('*Does not protect:*');
  });
});
