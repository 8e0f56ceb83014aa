import type { MethodOutput, Shell } from '../../../common/contract/index';

export interface AppIdentity {
  name: string;
  version: string;
  shell: Shell;
  dataDir: string;
}

export function describeApp(identity: AppIdentity, deviceId: string): MethodOutput<'app.info'> {
  return { ...identity, deviceId, platform: process.platform, arch: process.arch };
}
