import type { CommandName } from './commands';
import type { ResponseFrame } from './frame';
import { SW3 } from './status';

const be16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;

/** A 30 01 / 30 10 payload whose length fields add up to its size (see payloads.ts). */
function isCardPayload(data: Uint8Array, heads: number): boolean {
  if (data.length < heads * 2) return false;
  let total = heads * 2;
  for (let i = 0; i < heads; i++) total += be16(data, i * 2);
  return total === data.length;
}

/** What a successful answer to each command carries after SW3. */
const SUCCESS: Readonly<Record<CommandName, (sw3: number, data: Uint8Array) => boolean>> = {
  reset: (sw3, data) => sw3 === SW3.ok && data.length === 0,
  samStatus: (sw3, data) => sw3 === SW3.ok && data.length === 0,
  samId: (sw3, data) => sw3 === SW3.ok && data.length === 16,
  findCard: (sw3, data) => sw3 === SW3.findOk && data.length === 4,
  selectCard: (sw3, data) => sw3 === SW3.ok && data.length === 8,
  readBase: (sw3, data) => sw3 === SW3.ok && isCardPayload(data, 2),
  readWithFingerprint: (sw3, data) => sw3 === SW3.ok && isCardPayload(data, 3),
  readAppendedAddress: (sw3, data) => sw3 === SW3.ok && data.length % 2 === 0 && data.length <= 256,
};

/** Status words only one command answers with; any other status without data may answer any command. */
const OWN_STATUS: ReadonlyMap<number, ReadonlySet<CommandName>> = new Map([
  [SW3.ok, new Set<CommandName>()],
  [SW3.findOk, new Set<CommandName>()],
  [SW3.noCard, new Set<CommandName>(['findCard'])],
  [SW3.selectFailed, new Set<CommandName>(['selectCard'])],
  [SW3.itemAbsent, new Set<CommandName>(['readAppendedAddress', 'readWithFingerprint'])],
]);

/**
 * Whether a response could be the answer to `command`, by its status word and data length. Used only
 * while an earlier answer is still owed, to tell that late answer from the one now awaited.
 */
export function fitsAnswer(command: CommandName, answer: Pick<ResponseFrame, 'sw3' | 'data'>): boolean {
  if (SUCCESS[command](answer.sw3, answer.data)) return true;
  if (answer.data.length > 0) return false;
  const owners = OWN_STATUS.get(answer.sw3);
  return owners === undefined || owners.has(command);
}
