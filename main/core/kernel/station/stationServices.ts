import { AccountsService } from '../accounts/accountsService';
import { AuthService } from '../accounts/authService';
import { authConfig, type AuthConfig } from '../accounts/config';
import type { Clock } from '../../context';
import type { Logger } from '../logging/logger';
import { loadMachineSecret } from '../store/keys/machineSecret';
import type { IntegrityResult } from '../store/integrityCheck';
import { Station } from '../store/station';

export interface StationServices {
  station: Station;
  auth: AuthService;
  accounts: AccountsService;
  config: AuthConfig;
}

export interface StationServicesOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  deviceId: () => Promise<string>;
  nativeBinding?: string;
  config?: Partial<AuthConfig>;
  /**
   * The machine secret the password slots are bound to: the desktop shell passes the one its
   * safeStorage unsealed; elsewhere it is read from (or created in) the per-user file outside
   * the data folder on first use (store/keys/machineSecret.ts).
   */
  machineSecret?: Uint8Array;
  /** The background integrity check found damage (store/integrityCheck.ts). */
  onIntegrityDamaged?: (result: IntegrityResult) => void;
}

/**
 * The store and the services that need it, built once the device id (bound into the keyring)
 * is known. The database stays closed until a login unwraps its key.
 */
export function lazyStationServices(options: StationServicesOptions): () => Promise<StationServices> {
  let built: Promise<StationServices> | undefined;
  return () =>
    (built ??= options.deviceId().then((machineId) => {
      const config = authConfig(options.config);
      const station = new Station({
        dataDir: options.dataDir,
        machineId,
        machineSecret: options.machineSecret ?? (() => loadMachineSecret({ dataDir: options.dataDir, logger: options.logger })),
        clock: options.clock,
        logger: options.logger,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        ...(options.onIntegrityDamaged ? { onIntegrityDamaged: options.onIntegrityDamaged } : {}),
      });
      const auth = new AuthService(station, options.clock, config, options.logger);
      const accounts = new AccountsService(station, auth, options.clock, config);
      return { station, auth, accounts, config };
    }));
}
