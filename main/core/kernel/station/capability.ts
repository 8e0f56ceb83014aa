import type { Capability, CoreDeps } from '../../capability';
import { adminHandlers, type AdminHandlers } from './adminHandlers';
import { setupAndSessionHandlers, type SetupAndSessionHandlers } from './sessionHandlers';

export function stationCapability(deps: CoreDeps): Capability<keyof SetupAndSessionHandlers | keyof AdminHandlers> {
  return {
    handlers: {
      ...setupAndSessionHandlers({
        services: deps.services,
        windows: deps.windows,
        clock: deps.clock,
        dataDir: deps.dataDir,
        deviceId: deps.deviceId,
      }),
      ...adminHandlers(deps.services),
    },
  };
}
