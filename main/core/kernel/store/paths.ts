import { join } from 'node:path';

/** Where a station keeps its files inside the data directory. */
export interface StationPaths {
  dataDir: string;
  db: string;
  keyring: string;
  /** Scratch space on the same filesystem (encrypted data only; never plaintext). */
  tmp: string;
}

export function stationPaths(dataDir: string): StationPaths {
  return {
    dataDir,
    db: join(dataDir, 'jiuzhu.db'),
    keyring: join(dataDir, 'jiuzhu.keyring'),
    tmp: join(dataDir, 'tmp'),
  };
}
