/** The ID card reader capability: what the API, the CLI and the UI wire up. */
export type { IdCardBackend, RawCardRead, ReadOnceOptions } from './backend';
export { listPorts, probePort, findReader, likelyReaderFirst, type PortInfo, type ProbeResult } from './discovery';
export { SamReader, type SamReaderOptions, type SamReaderStats } from './reader/samReader';
export { waitForCard, type WaitForCardOptions } from './reader/readCard';
export { CardPoller, type CardPollerOptions, type ReaderStatus } from './reader/poller';
export { buildCard, type CardRead, type PhotoStatus } from './reader/buildCard';
export { parseTextBlock, type CardText } from './parse/textBlock';
export { openBackend, type ReaderConfig } from './sdk/openBackend';
export { TermbBackend, type TermbConfig } from './sdk/termbBackend';
export { SdtapiBackend, type SdtapiConfig } from './sdk/sdtapiBackend';
export { loadWltDecoder, type WltDecoderConfig } from './photo/koffiWltDecoder';
export type { PhotoDecoder } from './photo/photoDecoder';
