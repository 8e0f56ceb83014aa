/** The ID card reader capability: what the API, the CLI and the UI wire up. */
export type { IdCardBackend, RawCardRead, ReadOnceOptions } from './backend';
export { listPorts, probePort, findReader, likelyReaderFirst, type PortInfo, type ProbeResult } from './discovery';
export { SamReader, type SamReaderOptions, type SamReaderStats } from './reader/sam-reader';
export { waitForCard, type WaitForCardOptions } from './reader/read-card';
export { CardPoller, type CardPollerOptions, type ReaderStatus } from './reader/poller';
export { buildCard, type CardRead, type PhotoStatus } from './reader/build-card';
export { parseTextBlock, type CardText } from './parse/text-block';
export { openBackend, type ReaderConfig } from './sdk/open-backend';
export { TermbBackend, type TermbConfig } from './sdk/termb-backend';
export { SdtapiBackend, type SdtapiConfig } from './sdk/sdtapi-backend';
export { loadWltDecoder, type WltDecoderConfig } from './photo/koffi-wlt-decoder';
export type { PhotoDecoder } from './photo/photo-decoder';
