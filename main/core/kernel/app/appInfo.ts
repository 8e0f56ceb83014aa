import type { MethodOutput, Shell } from '../../../../common/contract/index';
import { loadedSqliteBuild } from '../store/nativeBuild';

export interface AppIdentity {
  name: string;
  version: string;
  shell: Shell;
  dataDir: string;
}

export function describeApp(identity: AppIdentity, deviceId: string, sqliteNativeBinding?: string): MethodOutput<'app.info'> {
  return { ...identity, deviceId, platform: process.platform, arch: process.arch, database: loadedSqliteBuild(sqliteNativeBinding) };
}
