import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_FOLDER } from './appFolder';

export { APP_FOLDER };

/**
 * Where the workstation keeps its data unless --data says otherwise; every shell uses the same place:
 * JIUZHU_DATA_DIR, else this account's local (never roaming) application data. Windows' Roaming
 * folder would copy an encrypted station between PCs at every logon.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JIUZHU_DATA_DIR) return env.JIUZHU_DATA_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
