import type { IdCardBackend } from '../backend';
import { SamReader, type SamReaderOptions } from '../reader/sam-reader';
import { SdtapiBackend, type SdtapiConfig } from './sdtapi-backend';
import { TermbBackend, type TermbConfig } from './termb-backend';

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
