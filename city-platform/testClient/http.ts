import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { wireErrorSchema, type WireError } from '../../common/sync/errors';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A non-2xx answer of the platform, with its parsed `{code, message}` body. */
export class PlatformHttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: WireError | undefined,
    readonly headers: IncomingHttpHeaders,
  ) {
    super(`HTTP ${status} ${error?.code ?? ''} ${error?.messageEn ?? ''}`.trim());
  }
}

/**
 * One HTTP/1.1 request on its own connection (agent: false), so a cut at the link proxy hits
 * exactly this request. Body: bytes, or chunks streamed with back-pressure.
 */
export function request(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: Buffer | AsyncIterable<Buffer>; timeoutMs?: number },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method, headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('response aborted')));
    });
    req.on('error', reject);
    req.setTimeout(options.timeoutMs ?? 20_000, () => req.destroy(new Error('timeout')));
    const body = options.body;
    if (!body || Buffer.isBuffer(body)) {
      req.end(body);
      return;
    }
    void (async () => {
      try {
        for await (const chunk of body) {
          if (req.destroyed) return;
          if (!req.write(chunk))
            await new Promise<void>((r) => {
              req.once('drain', r);
              req.once('close', r);
            });
        }
        req.end();
      } catch (e) {
        req.destroy(e as Error);
      }
    })();
  });
}

/** Throw PlatformHttpError unless the status is one of `ok`. */
export function expectStatus(answer: HttpAnswer, ...ok: number[]): HttpAnswer {
  if (ok.includes(answer.status)) return answer;
  let error: WireError | undefined;
  try {
    const parsed = wireErrorSchema.safeParse(JSON.parse(answer.body.toString('utf8')));
    error = parsed.success ? parsed.data : undefined;
  } catch {
    error = undefined;
  }
  throw new PlatformHttpError(answer.status, error, answer.headers);
}
