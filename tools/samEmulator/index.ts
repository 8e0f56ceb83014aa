/** A byte-level emulator of a GA 467 SAM ID card reader, for tests, benchmarks and demos. */
export { EmulatedReader, type EmulatedReaderOptions } from './emulatedReader';
export { PtyPair } from './pty';
export { SamModule, SAM_ID_TEXT, type SamOptions, type EmulatedCommand } from './sam';
export type { Faults } from './faults';
export {
  CARD_MAKERS,
  residentCard,
  hkmotwCard,
  foreigner2017Card,
  foreigner2023Card,
  makeIdNumber,
  seededBytes,
  appendedAddressBytes,
  type FixtureCard,
  type FixtureCardType,
  type FixtureOptions,
} from './cards';
export { TextBlockWriter } from './textEncoding';
