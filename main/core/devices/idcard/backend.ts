import type { CardText } from './parse/textBlock';

/** What a backend reads off one card, before parsing and photo decoding. */
export interface RawCardRead {
  /** The 256-byte UCS-2LE text block, or fields a vendor SDK already decoded. */
  text: { kind: 'block'; block: Uint8Array } | { kind: 'fields'; fields: CardText };
  /** The 1024-byte WLT as read; a BMP when the backend's SDK decoded it itself. */
  photo: { wlt?: Uint8Array; bmp?: Uint8Array };
  appendedAddress?: string;
  fingerprint?: Uint8Array;
  samId?: string;
  /** Identifies the physical card while it stays in the field (the select answer), when the backend knows it. */
  cardKey?: string;
}

export interface ReadOnceOptions {
  /** Skip the read when the card in the field has this key: the same card has not left yet. */
  unlessKey?: string;
}

/** A reader family: the raw SAM protocol, or a vendor library that hides it. */
export interface IdCardBackend {
  readonly kind: 'sam' | 'termb' | 'sdtapi';
  /** A short description for logs and the diagnostics screen, e.g. the port or library path. */
  readonly description: string;
  /**
   * One find → select → read. Throws IDCARD_NO_CARD when the field is empty; returns
   * `{ same: key }` when options.unlessKey matched and nothing was read.
   */
  readOnce(options?: ReadOnceOptions): Promise<RawCardRead | { same: string }>;
  /** Resolves when the backend can no longer be used (unplugged); the poller then reopens. */
  readonly isOpen: boolean;
  close(): Promise<void>;
}
