import { homedir } from 'node:os';
import { join } from 'node:path';
import type { MachinePreset } from '../../../common/contract/preset';
import { APP_FOLDER } from './appFolder';
import { readPreset } from './preset';

export { APP_FOLDER };

/** The one data folder of every account on this PC: not in a profile, never roaming. */
export function machineDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', APP_FOLDER, 'data');
  return join('/var/lib', APP_FOLDER);
}

/**
 * Where the workstation keeps its data unless --data says otherwise; every shell uses the same place:
 * JIUZHU_DATA_DIR, else the machine preset's dataDir ('machine' or a path), else this account's
 * local (never roaming) application data. Windows' Roaming folder would copy an encrypted station
 * between PCs at every logon, and two accounts of one PC would make two stations.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, preset: MachinePreset = readPreset().preset): string {
  if (env.JIUZHU_DATA_DIR) return env.JIUZHU_DATA_DIR;
  if (preset.dataDir === 'machine') return machineDataDir(env, platform);
  if (preset.dataDir) return preset.dataDir;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
