import type { EmulatedCommand } from './sam';

/** Ways the emulated reader misbehaves; counters run down as faults are spent. */
export interface Faults {
  /** Random bytes sent before every answer (noise on the line). */
  garbageBefore?: number;
  /** Send answers one byte at a time, this many ms apart (0: one byte per tick). */
  dribbleMs?: number;
  /** Corrupt the checksum of the next N answers … */
  badChecksum?: number;
  /** … only answers to these commands (default: any). */
  badChecksumOn?: EmulatedCommand[];
  /** Delay every answer by this many ms. */
  slowMs?: number;
  /** Ignore the next N requests entirely (the host times out). */
  silent?: number;
  /** Answer the next `times` requests of `command` with this SW3 instead. */
  status?: { command: EmulatedCommand; sw3: number; times: number };
  /**
   * Answer the next `times` requests of `command` only `ms` after they arrived, as a stalled reader does.
   * Later requests wait behind that answer: the SAM answers one request at a time, in order.
   */
  late?: { command: EmulatedCommand; ms: number; times: number };
  /** Pace answers at this baud rate (10 bits a byte), as a real UART would. */
  baudRate?: number;
}
