/** The QR symbol of a payload as a module matrix, drawn by the layout as vector squares. */
import QRCode from 'qrcode';

export interface QrSymbol {
  version: number;
  size: number;
  modules: boolean[][];
}

/** Error correction M (15 %): survives a stamp's edge or a crease while keeping the symbol small. */
export function qrSymbol(text: string, level: 'L' | 'M' | 'Q' | 'H' = 'M'): QrSymbol {
  const qr = QRCode.create(text, { errorCorrectionLevel: level });
  const size = qr.modules.size;
  const modules = Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => qr.modules.get(r, c) === 1));
  return { version: qr.version, size, modules };
}
