import { appendedAddressBytes, type FixtureCard } from './cards';
import { response, type Request } from './wire';

/** Emulated command names, [CMD, PARA]. */
export const EMULATED_COMMANDS = {
  reset: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readBase: [0x30, 0x01],
  readAppendedAddress: [0x30, 0x03],
  readWithFingerprint: [0x30, 0x10],
} as const;
export type EmulatedCommand = keyof typeof EMULATED_COMMANDS;

export function nameOf(req: Request): EmulatedCommand | undefined {
  for (const [name, [c, p]] of Object.entries(EMULATED_COMMANDS)) if (req.cmd === c && req.para === p) return name as EmulatedCommand;
  return undefined;
}

/** 05.01-20240101-0000012345-1234567890 */
export const SAM_ID_BYTES = (() => {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint16(0, 5, true);
  v.setUint16(2, 1, true);
  v.setUint32(4, 20240101, true);
  v.setUint32(8, 12345, true);
  v.setUint32(12, 1234567890, true);
  return b;
})();
export const SAM_ID_TEXT = '05.01-20240101-0000012345-1234567890';

export interface SamOptions {
  /** Real readers: after a read the card goes quiet until it leaves the field. Default true. */
  haltAfterRead?: boolean;
  /** Answer select with eight zero bytes, as some readers do. Default false. */
  zeroSerial?: boolean;
}

type CardState = 'idle' | 'found' | 'selected' | 'halted';

/**
 * The SAM and the card in its field, as a state machine: find → select → read, a card halted
 * after its read until removed, and the SW3 codes a real module answers with.
 */
export class SamModule {
  private card: FixtureCard | undefined;
  private state: CardState = 'idle';
  /** Requests seen, by name, so tests can assert on the traffic. */
  readonly seen: string[] = [];

  constructor(private readonly options: SamOptions = {}) {}

  placeCard(card: FixtureCard): void {
    this.card = card;
    this.state = 'idle';
  }

  removeCard(): void {
    this.card = undefined;
    this.state = 'idle';
  }

  get cardPresent(): boolean {
    return this.card !== undefined;
  }

  answer(req: Request): Uint8Array {
    if (req.damaged === 'checksum') return response(0x10);
    if (req.damaged === 'length') return response(0x11);
    const name = nameOf(req);
    this.seen.push(name ?? `unknown:${req.cmd.toString(16)}${req.para.toString(16)}`);
    const card = this.card;
    switch (name) {
      case 'reset':
        this.state = card && this.state !== 'halted' ? 'idle' : this.state;
        return response(0x90);
      case 'samStatus':
        return response(0x90);
      case 'samId':
        return response(0x90, SAM_ID_BYTES);
      case 'findCard':
        if (!card || this.state === 'halted') return response(0x80);
        this.state = 'found';
        return response(0x9f, new Uint8Array(4));
      case 'selectCard':
        if (!card || this.state !== 'found') return response(0x81);
        this.state = 'selected';
        return response(0x90, this.options.zeroSerial ? new Uint8Array(8) : card.serial);
      case 'readBase':
      case 'readWithFingerprint': {
        if (!card || this.state !== 'selected') return response(0x41);
        if (this.options.haltAfterRead !== false) this.state = 'halted';
        return response(0x90, cardPayload(card, name === 'readWithFingerprint'));
      }
      case 'readAppendedAddress':
        if (!card || (this.state !== 'selected' && this.state !== 'halted')) return response(0x41);
        return card.appendedAddress ? response(0x90, appendedAddressBytes(card.appendedAddress)) : response(0x91);
      default:
        return response(0x21);
    }
  }
}

function cardPayload(card: FixtureCard, withFingerprint: boolean): Uint8Array {
  const heads = withFingerprint ? 6 : 4;
  const fp = withFingerprint ? card.fingerprint : new Uint8Array(0);
  const out = new Uint8Array(heads + 256 + 1024 + fp.length);
  out.set([0x01, 0x00, 0x04, 0x00], 0);
  if (withFingerprint) out.set([fp.length >> 8, fp.length & 0xff], 4);
  out.set(card.text, heads);
  out.set(card.wlt, heads + 256);
  out.set(fp, heads + 256 + 1024);
  return out;
}
