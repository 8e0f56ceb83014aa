import { JiuzhuError } from '../../../../common/contract/errors';
import type { Db } from './types';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the schema up to the newest migration. All pending steps run in ONE transaction together
 * with the `user_version` update, so a crash leaves the old schema or the new, never half of it.
 * A database newer than this program is refused (never "downgraded" by accident).
 */
export function runMigrations(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) throw new Error(`migrations out of order at ${migrations[i]!.name}`);
  }
  const newest = migrations.at(-1)?.version ?? 0;
  const from = schemaVersion(db);
  if (from > newest) throw new JiuzhuError('STORE_DB_TOO_NEW', { found: from, supported: newest });
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${newest}`);
  }).immediate();
  return { from, to: newest };
}
