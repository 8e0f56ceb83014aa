import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'jiuzhu-workstation';

/** Where the workstation keeps its data unless --data says otherwise; every shell uses the same place. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JIUZHU_DATA_DIR) return env.JIUZHU_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
