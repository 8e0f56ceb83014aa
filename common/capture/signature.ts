/**
 * Signature strokes: what the pad records and the pure checks on it. Points are in CSS pixels
 * of the pad, time in milliseconds from the first touch, pressure 0–1 as PointerEvent gives it.
 */
export interface StrokePoint {
  x: number;
  y: number;
  pressure: number;
  t: number;
}
export type Stroke = StrokePoint[];

/**
 * A mouse reports 0.5 while a button is down and a finger often 0 or 1: neither is pressure.
 * Only a pen's value is kept; the rest get a steady 0.5.
 */
export function effectivePressure(pointerType: string, pressure: number): number {
  if (pointerType !== 'pen' || !(pressure > 0)) return 0.5;
  return Math.min(1, pressure);
}

/** Line width for a pressure: half to one and a half times the base width. */
export function widthFor(pressure: number, base: number): number {
  return base * (0.5 + pressure);
}

export function strokeLength(stroke: Stroke): number {
  let len = 0;
  for (let i = 1; i < stroke.length; i++) len += Math.hypot(stroke[i]!.x - stroke[i - 1]!.x, stroke[i]!.y - stroke[i - 1]!.y);
  return len;
}

/** Exponential smoothing of the raw pointer track (alpha 1 = raw); the first and last points stay put. */
export function smoothStroke(stroke: Stroke, alpha = 0.5): Stroke {
  if (stroke.length < 3) return stroke.map((p) => ({ ...p }));
  const out: Stroke = [{ ...stroke[0]! }];
  for (let i = 1; i < stroke.length - 1; i++) {
    const prev = out[i - 1]!;
    const p = stroke[i]!;
    out.push({ x: prev.x + alpha * (p.x - prev.x), y: prev.y + alpha * (p.y - prev.y), pressure: p.pressure, t: p.t });
  }
  out.push({ ...stroke[stroke.length - 1]! });
  return out;
}

export interface SignatureRules {
  /** Total ink length, in pad pixels, below which a signature is refused. */
  minLength: number;
  /** Smallest bounding-box width, in pad pixels (a dot or a short tick is not a name). */
  minWidth: number;
}

export const DEFAULT_SIGNATURE_RULES: SignatureRules = { minLength: 150, minWidth: 60 };

export type SignatureProblem = 'empty' | 'tooShort';

export function checkSignature(strokes: readonly Stroke[], rules: SignatureRules = DEFAULT_SIGNATURE_RULES): SignatureProblem | null {
  const points = strokes.flat();
  if (points.length < 2) return 'empty';
  const length = strokes.reduce((s, st) => s + strokeLength(st), 0);
  const xs = points.map((p) => p.x);
  const width = Math.max(...xs) - Math.min(...xs);
  if (length < rules.minLength || width < rules.minWidth) return 'tooShort';
  return null;
}
