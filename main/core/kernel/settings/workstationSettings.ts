import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { readerConfigSchema } from '../../../../common/contract/methods/idcard';
import { printSettingsSchema } from '../../../../common/contract/methods/documents/print';
import { privateFileMode } from '../store/fileModes';

/**
 * Settings of this workstation's hardware (which reader, which cameras): no personal data, so
 * they live in a plain JSON file beside the store, written atomically (temp + fsync + rename).
 */
export const workstationSettingsSchema = z.object({
  idcardReader: readerConfigSchema.optional(),
  /** Printer and paper per document kind (documents capability). */
  printing: printSettingsSchema.optional(),
});
export type WorkstationSettings = z.infer<typeof workstationSettingsSchema>;

export class WorkstationSettingsFile {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'workstation.json');
  }

  read(): WorkstationSettings {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return {};
    }
    const parsed = workstationSettingsSchema.safeParse(safeJson(text));
    // A damaged settings file only loses device choices, which the clerk can make again.
    return parsed.success ? parsed.data : {};
  }

  update(change: Partial<WorkstationSettings>): WorkstationSettings {
    const next = workstationSettingsSchema.parse({ ...this.read(), ...change });
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', privateFileMode());
    try {
      writeSync(fd, `${JSON.stringify(next, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
    return next;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
