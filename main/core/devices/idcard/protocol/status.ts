import { JiuzhuError, type ErrorCode } from '../../../../../common/contract/errors';

/** SW3 values the SAM answers with; SW1 and SW2 only echo the card's APDU status. */
export const SW3 = {
  ok: 0x90,
  itemAbsent: 0x91,
  findOk: 0x9f,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
  forbidden: 0x23,
  unknownError: 0x24,
  samAuthFailed: 0x31,
  cardAuthFailed: 0x32,
  verifyFailed: 0x33,
  unknownCardType: 0x40,
  readFailed: 0x41,
  randomFailed: 0x47,
  samSelfTestFailed: 0x60,
  samUnauthorized: 0x66,
  noCard: 0x80,
  selectFailed: 0x81,
} as const;

const ERROR_OF_SW3: Readonly<Record<number, ErrorCode>> = {
  [SW3.checksumError]: 'IDCARD_READER_CHECKSUM',
  [SW3.lengthError]: 'IDCARD_READER_LENGTH',
  [SW3.commandError]: 'IDCARD_READER_COMMAND',
  [SW3.forbidden]: 'IDCARD_READER_FORBIDDEN',
  [SW3.unknownError]: 'IDCARD_READER_ERROR',
  [SW3.samAuthFailed]: 'IDCARD_SAM_AUTH_FAILED',
  [SW3.cardAuthFailed]: 'IDCARD_CARD_AUTH_FAILED',
  [SW3.verifyFailed]: 'IDCARD_VERIFY_FAILED',
  [SW3.unknownCardType]: 'IDCARD_UNKNOWN_CARD_TYPE',
  [SW3.readFailed]: 'IDCARD_READ_FAILED',
  [SW3.randomFailed]: 'IDCARD_RANDOM_FAILED',
  [SW3.samSelfTestFailed]: 'IDCARD_SAM_SELFTEST_FAILED',
  [SW3.samUnauthorized]: 'IDCARD_SAM_UNAUTHORIZED',
  [SW3.noCard]: 'IDCARD_NO_CARD',
  [SW3.selectFailed]: 'IDCARD_SELECT_FAILED',
  [SW3.itemAbsent]: 'IDCARD_ITEM_ABSENT',
};

/** Statuses caused by a damaged request on the wire: resending the same command is safe. */
export const TRANSIENT_SW3: ReadonlySet<number> = new Set([SW3.checksumError, SW3.lengthError]);

const hex = (n: number): string => `0x${n.toString(16).padStart(2, '0').toUpperCase()}`;

/** The typed error for a non-success SW3; unlisted values become IDCARD_READER_ERROR. */
export function statusError(sw3: number, command: string): JiuzhuError {
  const code = ERROR_OF_SW3[sw3] ?? 'IDCARD_READER_ERROR';
  return new JiuzhuError(code, { sw3: hex(sw3) }, { sw3, command });
}

/** The error code an SW3 maps to; exported so every status can be checked by tests and SDK backends. */
export function errorCodeOfSw3(sw3: number): ErrorCode {
  return ERROR_OF_SW3[sw3] ?? 'IDCARD_READER_ERROR';
}
