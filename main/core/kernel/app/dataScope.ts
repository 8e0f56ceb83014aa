import { join } from 'node:path';
import type { MachinePreset } from '../../../../common/contract/preset';
import { shareFilesWithGroup } from '../store/fileModes';
import { windowsMachineDpapi } from '../store/keys/dpapiMachine';
import { loadSharedMachineSecret } from '../store/keys/machineSecretShared';
import type { Logger } from '../logging/logger';
import { APP_FOLDER } from './appFolder';
import { defaultDataDir } from './dataDir';

/**
 * One station per OS account (the default), or one per PC shared by its staff accounts (the
 * machine preset's `"dataScope": "machine"`). The machine root holds `data/` (the station) and
 * `machine/` (the machine-wide secret, store/keys/machineSecretShared.ts):
 * Windows `%ProgramData%\jiuzhu-workstation`, Linux `/var/lib/jiuzhu-workstation`
 * (JIUZHU_MACHINE_ROOT moves it). The installer creates it for the station's group.
 */
export type DataScope = 'user' | 'machine';

export interface DataLocation {
  scope: DataScope;
  dataDir: string;
  /** The machine-wide secret's folder (machine scope only). */
  machineSecretDir: string | null;
}

export function machineRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JIUZHU_MACHINE_ROOT) return env.JIUZHU_MACHINE_ROOT;
  if (platform === 'win32') return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', APP_FOLDER);
  return join('/var/lib', APP_FOLDER);
}

/** Where this PC keeps its station, from the preset; JIUZHU_DATA_DIR still names the data folder itself. */
export function dataLocation(
  preset: MachinePreset,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): DataLocation {
  if (preset.dataScope !== 'machine') return { scope: 'user', dataDir: defaultDataDir(env, platform), machineSecretDir: null };
  const root = machineRoot(env, platform);
  return { scope: 'machine', dataDir: env.JIUZHU_DATA_DIR ?? join(root, 'data'), machineSecretDir: join(root, 'machine') };
}

/**
 * What a shell adds to core's options for a shared station: the group's file modes (umask 007 in
 * this process, 0660 / 2770 for what core writes) and the machine-wide secret. Nothing for a
 * station of one account, whose shell finds its secret as before.
 */
export function machineScopeOptions(location: DataLocation, logger: Logger): { dataScope?: 'machine'; machineSecret?: Uint8Array } {
  if (location.scope !== 'machine' || !location.machineSecretDir) return {};
  shareFilesWithGroup();
  const machineSecret = loadSharedMachineSecret({
    dir: location.machineSecretDir,
    logger,
    ...(process.platform === 'win32' ? { dpapi: windowsMachineDpapi() } : {}),
  });
  return { dataScope: 'machine', machineSecret };
}
