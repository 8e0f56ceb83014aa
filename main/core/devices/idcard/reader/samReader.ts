import { isJiuzhuError } from '../../../../../common/contract/errors';
import type { IdCardBackend, RawCardRead, ReadOnceOptions } from '../backend';
import { parseAppendedAddress } from '../parse/appendedAddress';
import type { CommandName } from '../protocol/commands';
import type { ResponseFrame } from '../protocol/frame';
import { formatSamId, parseCardPayload } from '../protocol/payloads';
import type { SerialTransport } from '../../serial/transport';
import { SerialLink } from '../protocol/serialLink';
import { SW3, statusError } from '../protocol/status';

export interface SamReaderOptions {
  path: string;
  /** How bytes reach the port; the native binding unless core runs in a worker (see devices/serial). */
  transport?: SerialTransport;
  baudRate?: number;
  /** Per-command answer timeout; the 1295-byte read gets twice this. Default 1000 ms. */
  timeoutMs?: number;
  /** Also send 30 03 for the latest appended address. Default true. */
  readAppendedAddress?: boolean;
  /** Read with 30 10 (text + photo + fingerprint) instead of 30 01. Default false. */
  fingerprint?: boolean;
}

export interface SamReaderStats {
  exchanges: number;
  retries: number;
  /** Answers that arrived after their request timed out, recognised and dropped by the link. */
  readonly lateAnswers: number;
  /** Answers the reader may still send for requests that timed out. */
  readonly answersOwed: number;
}

const RETRYABLE_ANYWHERE = new Set(['IDCARD_READER_CHECKSUM', 'IDCARD_READER_LENGTH']);
const LOST_ANSWER = new Set(['IDCARD_TIMEOUT', 'IDCARD_BAD_FRAME']);
/** Commands that change nothing on the card: resending them after a lost answer is harmless. */
const IDEMPOTENT: ReadonlySet<CommandName> = new Set(['reset', 'samStatus', 'samId', 'findCard', 'selectCard']);

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A reader that speaks the GA 467 SAM protocol on a serial port (USB-CDC or a real UART).
 * Commands are serialised; each may be retried once, cleanly, where resending cannot confuse
 * the card: status/id/find/select after a lost answer, and any command the reader refused
 * as damaged on the wire (SW3 10/11). A lost answer to a read restarts find → select → read once.
 */
export class SamReader implements IdCardBackend {
  readonly kind = 'sam' as const;
  readonly stats: SamReaderStats;
  private queue: Promise<unknown> = Promise.resolve();
  private cachedSamId: string | undefined;

  private constructor(
    private readonly link: SerialLink,
    private readonly options: SamReaderOptions,
  ) {
    this.stats = {
      exchanges: 0,
      retries: 0,
      get lateAnswers() {
        return link.lateAnswers;
      },
      get answersOwed() {
        return link.answersOwed;
      },
    };
  }

  /** Open the port and check that a SAM answers there. */
  static async open(options: SamReaderOptions): Promise<SamReader> {
    const link = await SerialLink.open(options.path, options.baudRate ?? 115200, options.transport);
    const reader = new SamReader(link, options);
    try {
      await reader.samStatus();
    } catch (error) {
      await link.close();
      throw error;
    }
    return reader;
  }

  get description(): string {
    return `SAM ${this.options.path}`;
  }

  get isOpen(): boolean {
    return this.link.isOpen;
  }

  /** Wire bytes so far in both directions; the benchmark subtracts their transmission time. */
  get wireBytes(): { out: number; in: number } {
    return { out: this.link.bytesOut, in: this.link.bytesIn };
  }

  async reset(): Promise<void> {
    await this.expect('reset', [SW3.ok]);
  }

  async samStatus(): Promise<void> {
    await this.expect('samStatus', [SW3.ok]);
  }

  async samId(): Promise<string> {
    if (!this.cachedSamId) this.cachedSamId = formatSamId((await this.expect('samId', [SW3.ok])).data);
    return this.cachedSamId;
  }

  /** 20 01: returns the card's 4-byte IIN; IDCARD_NO_CARD when the field is empty. */
  async findCard(): Promise<Uint8Array> {
    return (await this.expect('findCard', [SW3.findOk])).data;
  }

  /** 20 02: returns the 8-byte answer that identifies the card while it stays in the field. */
  async selectCard(): Promise<Uint8Array> {
    return (await this.expect('selectCard', [SW3.ok])).data;
  }

  async readOnce(options: ReadOnceOptions = {}): Promise<RawCardRead | { same: string }> {
    try {
      return await this.sequence(options);
    } catch (error) {
      if (!isJiuzhuError(error) || !LOST_ANSWER.has(error.code) || !this.link.isOpen) throw error;
      this.stats.retries++;
      try {
        return await this.sequence(options);
      } catch (second) {
        // A card that went quiet after the lost read now looks absent: the first error says more.
        if (isJiuzhuError(second) && second.code === 'IDCARD_NO_CARD') throw error;
        throw second;
      }
    }
  }

  close(): Promise<void> {
    return this.link.close();
  }

  private async sequence(options: ReadOnceOptions): Promise<RawCardRead | { same: string }> {
    await this.findCard();
    const selected = await this.selectCard();
    // An all-zero answer identifies nothing; such cards are told apart by their number instead.
    const cardKey = selected.some((b) => b !== 0) ? hex(selected) : undefined;
    if (cardKey && cardKey === options.unlessKey) return { same: cardKey };
    const fingerprint = this.options.fingerprint === true;
    const answer = await this.expect(fingerprint ? 'readWithFingerprint' : 'readBase', [SW3.ok]);
    const payload = parseCardPayload(answer.data, fingerprint);
    const appendedAddress = this.options.readAppendedAddress === false ? undefined : await this.appendedAddress();
    const samId = await this.samId().catch(() => undefined);
    return {
      text: { kind: 'block', block: payload.text },
      photo: { wlt: payload.photo },
      ...(appendedAddress ? { appendedAddress } : {}),
      ...(payload.fingerprint?.length ? { fingerprint: payload.fingerprint } : {}),
      ...(samId ? { samId } : {}),
      ...(cardKey ? { cardKey } : {}),
    };
  }

  private async appendedAddress(): Promise<string | undefined> {
    const answer = await this.expect('readAppendedAddress', [SW3.ok, SW3.itemAbsent]);
    return answer.sw3 === SW3.itemAbsent ? undefined : parseAppendedAddress(answer.data);
  }

  /** Run a command and require one of the given SW3 values, with the retry rules above. */
  private expect(name: CommandName, accepted: number[]): Promise<ResponseFrame> {
    const run = async (): Promise<ResponseFrame> => {
      try {
        return await this.once(name, accepted);
      } catch (error) {
        if (!isJiuzhuError(error) || !this.link.isOpen) throw error;
        const retry = RETRYABLE_ANYWHERE.has(error.code) || (IDEMPOTENT.has(name) && LOST_ANSWER.has(error.code));
        if (!retry) throw error;
        this.stats.retries++;
        return this.once(name, accepted);
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async once(name: CommandName, accepted: number[]): Promise<ResponseFrame> {
    const base = this.options.timeoutMs ?? 1000;
    const timeout = name.startsWith('read') ? base * 2 : base;
    this.stats.exchanges++;
    const answer = await this.link.exchange(name, timeout);
    if (!accepted.includes(answer.sw3)) throw statusError(answer.sw3, name);
    return answer;
  }
}
