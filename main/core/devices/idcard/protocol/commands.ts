import { encodeRequest } from './frame';

/** The SAM commands this driver sends: [CMD, PARA]. */
export const COMMANDS = {
  reset: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readBase: [0x30, 0x01],
  readAppendedAddress: [0x30, 0x03],
  readWithFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;

export type CommandName = keyof typeof COMMANDS;

/** The complete request frame of a command; these never change, so build them once. */
export const REQUEST_FRAMES: Readonly<Record<CommandName, Uint8Array>> = Object.fromEntries(
  Object.entries(COMMANDS).map(([name, [cmd, para]]) => [name, encodeRequest(cmd, para)]),
) as Record<CommandName, Uint8Array>;

/** The name of a [CMD, PARA] pair, for the emulator and for log lines. */
export function commandName(cmd: number, para: number): CommandName | undefined {
  for (const [name, pair] of Object.entries(COMMANDS)) if (pair[0] === cmd && pair[1] === para) return name as CommandName;
  return undefined;
}
