import { join } from 'node:path';

/** Where every process of this workstation writes its log files: `<dataDir>/logs`. */
export const logsDir = (dataDir: string) => join(dataDir, 'logs');
