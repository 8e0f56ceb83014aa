import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machinePresetSchema, type MachinePreset } from '../../../../common/contract/preset';
import { APP_FOLDER } from './appFolder';

/** Where IT puts the preset: beside the machine-wide data, readable by every account, writable by administrators only. */
export function presetPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JIUZHU_PRESET) return env.JIUZHU_PRESET;
  if (platform === 'win32') return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', APP_FOLDER, 'preset.json');
  return join('/etc', APP_FOLDER, 'preset.json');
}

export interface PresetReading {
  preset: MachinePreset;
  /** Why the file was not used, in words for the log and the admin (absent when it was read or is simply not there). */
  problem?: string;
}

/**
 * The machine preset, if IT wrote one. A missing file is the normal case; a damaged one is reported
 * and ignored as a whole (a half-read preset is worse than none).
 */
export function readPreset(path = presetPath()): PresetReading {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { preset: {} } : { preset: {}, problem: `${path}: ${(e as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { preset: {}, problem: `${path}: not JSON (${(e as Error).message})` };
  }
  const parsed = machinePresetSchema.safeParse(json);
  if (!parsed.success)
    return { preset: {}, problem: `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'} ${i.message}`).join('; ')}` };
  return { preset: parsed.data };
}
