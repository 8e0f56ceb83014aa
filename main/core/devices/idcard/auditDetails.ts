import type { z } from 'zod';
import type { readerConfigSchema } from '../../../../common/contract/methods/idcard';

type StoredReader = z.output<typeof readerConfigSchema>;

/** What the audit row of a reader change says: the backend, the port, and the library's allow-listed name. */
export function auditDetailsOf(config: StoredReader): Record<string, string | number> {
  switch (config.kind) {
    case 'sam':
      return { backend: 'sam', port: config.path, baudRate: config.baudRate };
    case 'sdtapi':
      return { backend: 'sdtapi', library: config.library, port: config.port };
    case 'termb':
      return { backend: 'termb', library: config.library, port: config.port, output: config.output, prefix: config.prefix || 'none' };
  }
}
