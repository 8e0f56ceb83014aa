/**
 * Pace an upload to a byte rate (token bucket, ~100 ms slices). The rate is read for every
 * slice, so changing the cap applies to a transfer already under way; null means no cap.
 */
export async function* throttle(
  source: AsyncIterable<Buffer>,
  bytesPerSecond: () => number | null,
  signal?: AbortSignal,
): AsyncIterable<Buffer> {
  let allowance = 0;
  let last = Date.now();
  for await (const chunk of source) {
    let rest = chunk;
    while (rest.length > 0) {
      const rate = bytesPerSecond();
      if (!rate) {
        yield rest;
        break;
      }
      const now = Date.now();
      allowance = Math.min(rate / 5, allowance + ((now - last) / 1000) * rate);
      last = now;
      const slice = Math.max(1, Math.floor(Math.min(rest.length, rate / 10)));
      if (allowance < slice) {
        await sleep(Math.ceil(((slice - allowance) / rate) * 1000), signal);
        continue;
      }
      allowance -= slice;
      yield rest.subarray(0, slice);
      rest = rest.subarray(slice);
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('cancelled'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new Error('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
