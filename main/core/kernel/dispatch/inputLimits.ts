import { JiuzhuError } from '../../../../common/contract/index';

/**
 * Bounds on the shape of a call's input, checked by every shell before the input crosses to the
 * core worker (structured clone recurses and overflows the stack on deep nesting) and by the
 * dispatcher again. Far above any real input: the deepest contract input nests about ten levels,
 * the largest (a document capture, a long signature) holds a few MB and a few tens of thousands
 * of values.
 */
export const INPUT_LIMITS = {
  /** Nesting of arrays and objects. */
  maxDepth: 64,
  /** Values of any kind, containers included. */
  maxValues: 200_000,
  /** Characters of all strings and object keys together (UTF-16 units). */
  maxChars: 16 * 1024 * 1024,
  /** Bytes of a request body (browser shell). */
  maxBodyBytes: 16 * 1024 * 1024,
} as const;

export type InputLimit = 'depth' | 'values' | 'size';
export type InputLimits = typeof INPUT_LIMITS;

const WHAT: Record<InputLimit, string> = { depth: '层次过深', values: '项目过多', size: '过大' };
const megabytes = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** The typed refusal: INPUT_TOO_LARGE naming what was exceeded. */
export function inputTooLarge(limit: InputLimit, limits: InputLimits = INPUT_LIMITS): JiuzhuError {
  const max = limit === 'depth' ? `${limits.maxDepth} 层` : limit === 'values' ? `${limits.maxValues} 项` : megabytes(limits.maxChars);
  return new JiuzhuError('INPUT_TOO_LARGE', { what: WHAT[limit], max }, { limit });
}

/**
 * Walk a value without recursion and report the first limit it breaks, or null. Arrays and plain
 * objects are entered; everything else is one value. The walk stops as soon as a limit is passed,
 * so its cost is bounded by the limits, not by the input (a cyclic object from IPC ends too).
 */
export function exceededInputLimit(value: unknown, limits: InputLimits = INPUT_LIMITS): InputLimit | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let values = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (++values > limits.maxValues) return 'values';
    if (typeof v === 'string') {
      chars += v.length;
      if (chars > limits.maxChars) return 'size';
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const container = Array.isArray(v) || isPlainObject(v);
    if (!container) continue;
    if (depth + 1 > limits.maxDepth) return 'depth';
    if (Array.isArray(v)) {
      if (values + v.length > limits.maxValues) return 'values';
      for (const item of v) stack.push({ value: item, depth: depth + 1 });
    } else {
      const keys = Object.keys(v);
      if (values + keys.length > limits.maxValues) return 'values';
      for (const key of keys) {
        chars += key.length;
        stack.push({ value: (v as Record<string, unknown>)[key], depth: depth + 1 });
      }
      if (chars > limits.maxChars) return 'size';
    }
  }
  return null;
}

/**
 * The nesting depth of JSON text, scanned byte by byte before it is parsed (so a body of a million
 * open brackets is refused without building anything). Brackets inside strings do not count.
 */
export function jsonTextTooDeep(text: string, maxDepth: number = INPUT_LIMITS.maxDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Throws INPUT_TOO_LARGE when the input breaks a limit. */
export function assertInputWithinLimits(value: unknown, limits: InputLimits = INPUT_LIMITS): void {
  const exceeded = exceededInputLimit(value, limits);
  if (exceeded) throw inputTooLarge(exceeded, limits);
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
