import type { IdCardBackend } from '../backend';
import { SamReader, type SamReaderOptions } from '../reader/samReader';
import { SdtapiBackend, type SdtapiConfig } from './sdtapiBackend';
import { TermbBackend, type TermbConfig } from './termbBackend';

/** The reader an admin configured for this workstation: the serial SAM protocol or a vendor library. */
export type ReaderConfig = ({ kind: 'sam' } & SamReaderOptions) | SdtapiConfig | TermbConfig;

export function openBackend(config: ReaderConfig): Promise<IdCardBackend> {
  switch (config.kind) {
    case 'sam':
      return SamReader.open(config);
    case 'sdtapi':
      return SdtapiBackend.open(config);
    case 'termb':
      return TermbBackend.open(config);
  }
}
