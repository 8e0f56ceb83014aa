import { JiuzhuError, isJiuzhuError } from '../../../../../common/contract/errors';
import type { IdCardBackend } from '../backend';
import type { PhotoDecoder } from '../photo/photoDecoder';
import { buildCard, type CardRead } from './buildCard';

export type ReaderStatus = 'connected' | 'no-reader' | 'reading' | 'error';

export interface CardPollerOptions {
  /** Opens the reader; called again after an unplug, so a replugged reader comes back by itself. */
  connect: () => Promise<IdCardBackend>;
  /** One card in the field produces exactly one call. */
  onCard: (read: CardRead) => void;
  onStatus?: (status: ReaderStatus, error?: JiuzhuError) => void;
  /** Errors that end a read (a damaged frame, a card that failed authentication …), once each. */
  onError?: (error: JiuzhuError) => void;
  today: () => string;
  photoDecoder?: PhotoDecoder;
  /** Pause between polls. Default 500 ms. */
  intervalMs?: number;
}

/** Errors that mean the port itself is gone: drop the backend and reconnect on the next tick. */
const LINK_LOST = new Set(['IDCARD_DISCONNECTED', 'IDCARD_PORT_OPEN_FAILED', 'IDCARD_TIMEOUT', 'IDCARD_NOT_A_READER']);

/**
 * Polls a reader about every 0.5 s while an intake or lookup screen is open. A card is read once
 * when it arrives and not again until the field has been seen empty (or another card is there).
 */
export class CardPoller {
  private backend: IdCardBackend | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private tick: Promise<void> = Promise.resolve();
  private status: ReaderStatus | undefined;
  /** The card last emitted, while it has not left the field. */
  private lastKey: string | undefined;
  private lastIdNumber: string | undefined;

  constructor(private readonly options: CardPollerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stop polling and release the port. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.tick;
    await this.backend?.close().catch(() => undefined);
    this.backend = undefined;
  }

  get currentStatus(): ReaderStatus | undefined {
    return this.status;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.tick = this.poll().finally(() => {
        if (this.running) this.schedule(this.options.intervalMs ?? 500);
      });
    }, ms);
  }

  private async poll(): Promise<void> {
    const backend = await this.ensureBackend();
    if (!backend || !this.running) return;
    try {
      const raw = await backend.readOnce(this.lastKey ? { unlessKey: this.lastKey } : {});
      if ('same' in raw) return this.setStatus('connected');
      this.setStatus('reading');
      const read = await buildCard(raw, {
        today: this.options.today(),
        ...(this.options.photoDecoder ? { photoDecoder: this.options.photoDecoder } : {}),
      });
      const sameCard = !raw.cardKey && read.card.idNumber === this.lastIdNumber;
      this.lastKey = raw.cardKey;
      this.lastIdNumber = read.card.idNumber;
      this.setStatus('connected');
      if (!sameCard && this.running) this.options.onCard(read);
    } catch (error) {
      const e = isJiuzhuError(error) ? error : new JiuzhuError('IDCARD_READ_FAILED', {}, { cause: String(error) });
      if (e.code === 'IDCARD_NO_CARD') {
        this.lastKey = undefined;
        this.lastIdNumber = undefined;
        return this.setStatus('connected');
      }
      if (LINK_LOST.has(e.code) || !backend.isOpen) {
        await backend.close().catch(() => undefined);
        this.backend = undefined;
        return this.setStatus('no-reader', e);
      }
      this.setStatus('error', e);
      this.options.onError?.(e);
    }
  }

  private async ensureBackend(): Promise<IdCardBackend | undefined> {
    if (this.backend?.isOpen) return this.backend;
    this.backend = undefined;
    try {
      // The last card's key survives a reconnect: a card left lying on a replugged reader is not read twice.
      this.backend = await this.options.connect();
      if (!this.running) {
        await this.backend.close();
        this.backend = undefined;
        return undefined;
      }
      this.setStatus('connected');
      return this.backend;
    } catch (error) {
      const e = isJiuzhuError(error) ? error : new JiuzhuError('IDCARD_NO_READER', {}, { cause: String(error) });
      this.setStatus('no-reader', e);
      return undefined;
    }
  }

  private setStatus(status: ReaderStatus, error?: JiuzhuError): void {
    if (status === this.status && status !== 'error') return;
    this.status = status;
    this.options.onStatus?.(status, error);
  }
}
