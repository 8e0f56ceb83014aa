import type { Capability, CoreDeps } from '../../capability';
import { checkIdNumberForApi } from '../../idnumber/checkHandler';
import { describeApp } from './appInfo';

export function appCapability(deps: CoreDeps): Capability<'app.info' | 'idNumber.check'> {
  return {
    handlers: {
      'app.info': async () =>
        describeApp(
          { name: '救助通工作站', version: deps.version, shell: deps.shell, dataDir: deps.dataDir },
          await deps.deviceId(),
          deps.sqliteNativeBinding,
        ),
      'idNumber.check': (input) => checkIdNumberForApi(input, deps.clock),
    },
  };
}
