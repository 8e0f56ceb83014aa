import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { newDbKey } from '../kernel/store/keys/keyring';
import { runMigrations } from '../kernel/store/migrate';
import { MIGRATIONS } from '../kernel/store/migrations/index';
import { openSqlite } from '../kernel/store/sqlite';
import { tempDir } from '../kernel/store/testing/fixtures';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

const ROW = {
  id: 'c1',
  roster_id: 'r1',
  case_id: 'k1',
  id_number: '500110196001010013',
  name: '张三',
  result: 'pass',
  outcome: 'certified',
  certified_on: '2026-03-01',
  recorded_at: '2026-03-01T02:00:00Z',
  recorded_by: 'u1',
};
const insert = (db: ReturnType<typeof openSqlite>, method: string, id: string) =>
  db
    .prepare(
      'INSERT INTO certification (id, roster_id, case_id, id_number, name, method, result, outcome, certified_on, recorded_at, recorded_by) VALUES (@id, @roster_id, @case_id, @id_number, @name, @method, @result, @outcome, @certified_on, @recorded_at, @recorded_by)',
    )
    .run({ ...ROW, id, method });

it('0810 on an encrypted store with certifications: the rows and indexes kept, a remote certification allowed, anything else still refused', () => {
  const db = openSqlite(join(dir.dir, 'store.db'), newDbKey());
  const before = MIGRATIONS.filter((m) => m.version < 810);
  runMigrations(db, before);
  insert(db, 'counter', 'c1');
  insert(db, 'proxy', 'c2');
  expect(() => insert(db, 'remote', 'c3')).toThrow(/CHECK constraint/);

  runMigrations(db, MIGRATIONS);
  expect(db.prepare('SELECT id, method, name FROM certification ORDER BY id').all()).toEqual([
    { id: 'c1', method: 'counter', name: '张三' },
    { id: 'c2', method: 'proxy', name: '张三' },
  ]);
  insert(db, 'remote', 'c3');
  expect(() => insert(db, 'sms', 'c4')).toThrow(/CHECK constraint/);
  expect(
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'certification' AND name LIKE 'certification_by_%' ORDER BY name",
      )
      .pluck()
      .all(),
  ).toEqual(['certification_by_case', 'certification_by_person']);
  // The receipt of a pulled item names the certification it made, once.
  db.prepare(
    "INSERT INTO certification_remote (id, id_number, certified_at, method, status, reason, certification_id, received_at) VALUES ('rc-1', ?, '2026-03-01T10:00:00+08:00', 'face', 'applied', NULL, 'c3', '2026-03-02T00:00:00Z')",
  ).run(ROW.id_number);
  expect(() =>
    db
      .prepare(
        "INSERT INTO certification_remote (id, id_number, certified_at, method, status, reason, certification_id, received_at) VALUES ('rc-1', ?, '2026-03-01T10:00:00+08:00', 'face', 'applied', NULL, NULL, '2026-03-02T00:00:00Z')",
      )
      .run(ROW.id_number),
  ).toThrow(/UNIQUE/);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
});
