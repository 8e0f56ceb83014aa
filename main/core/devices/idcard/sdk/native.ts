import koffi from 'koffi';
import { JiuzhuError } from '../../../../../common/contract/errors';

export type NativeLibrary = ReturnType<typeof koffi.load>;
export type NativeFunction = ReturnType<NativeLibrary['func']>;

/** Load a vendor library; a missing or broken file is a typed error naming the path. */
export function loadLibrary(path: string): NativeLibrary {
  try {
    return koffi.load(path);
  } catch (error) {
    throw new JiuzhuError('IDCARD_SDK_LOAD_FAILED', { library: path, reason: (error as Error).message }, { library: path });
  }
}

/**
 * Bind a function by C prototype; `__stdcall` in the prototype matters only on 32-bit Windows,
 * where vendor DLLs use it, and is ignored elsewhere. Returns undefined when the symbol is absent.
 */
export function bindOptional(lib: NativeLibrary, prototype: string): NativeFunction | undefined {
  try {
    return lib.func(prototype);
  } catch {
    return undefined;
  }
}

export function bindRequired(lib: NativeLibrary, path: string, prototype: string): NativeFunction {
  const fn = bindOptional(lib, prototype);
  if (!fn)
    throw new JiuzhuError('IDCARD_SDK_LOAD_FAILED', { library: path, reason: `缺少函数 ${prototype}` }, { library: path, prototype });
  return fn;
}

/** Call on koffi's worker thread: vendor reads take up to a second and must not block the event loop. */
export function callAsync(fn: NativeFunction, ...args: unknown[]): Promise<number> {
  return new Promise((resolve, reject) => {
    fn.async(...args, (err: unknown, result: number) => (err ? reject(err) : resolve(result)));
  });
}
