/** Turns the chip's 1024-byte WLT into a BMP. Only the reader vendor's licensed library can. */
export interface PhotoDecoder {
  readonly library: string;
  decode(wlt: Uint8Array): Promise<Uint8Array>;
}
