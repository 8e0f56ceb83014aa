import { caseSettingsSchema, type CaseSettings } from '../../../common/cases/settings';
import type { Db } from '../kernel/store/types';

const KEY = 'cases.settings';

/** County settings of the case work, in the station's encrypted `setting` table. */
export class CaseSettingsRepo {
  constructor(private readonly db: Db) {}

  get(): CaseSettings {
    const row = this.db.prepare('SELECT value FROM setting WHERE key = ?').get(KEY) as { value: string } | undefined;
    if (!row) return caseSettingsSchema.parse({});
    const parsed = caseSettingsSchema.safeParse(JSON.parse(row.value));
    // A setting written by an older version that no longer parses falls back to the defaults, field by field where possible.
    return parsed.success ? parsed.data : caseSettingsSchema.parse({});
  }

  put(settings: CaseSettings): void {
    this.db
      .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(KEY, JSON.stringify(caseSettingsSchema.parse(settings)));
  }
}
