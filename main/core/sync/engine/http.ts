import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { rootCertificates, type TLSSocket } from 'node:tls';
import { JiuzhuError } from '../../../../common/contract/errors';
import { wireErrorSchema, type WireError } from '../../../../common/sync/errors';
import { throttle } from './throttle';
import { isLoopbackHost, pinnedServerIdentity, TlsPinMismatchError } from './tlsPins';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The link failed (refused, reset, timed out, cut short): retry after backoff. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The run was cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** A typed non-2xx answer of the platform (`{code, message}` body). */
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly wire: WireError,
    readonly headers: IncomingHttpHeaders,
  ) {
    super(`HTTP ${status} ${wire.code}`);
    this.name = 'PlatformError';
  }
  get code() {
    return this.wire.code;
  }
  /** Retry-After in ms (seconds or an HTTP date), if the platform sent one. */
  get retryAfterMs(): number | undefined {
    return parseRetryAfter(this.headers['retry-after']);
  }
}

export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export interface HttpOptions {
  /** Idle socket timeout (read or write), ms. Never a total-time limit: a PATCH may run for minutes. */
  idleTimeoutMs: number;
  /** Upload cap in bytes per second; null = none. Read at every request, so a change applies at once. */
  bytesPerSecond: () => number | null;
  onBytesSent?: (n: number) => void;
  onBytesReceived?: (n: number) => void;
  /** SPKI pins of the platform's TLS keys (from the registration), read at every new connection; empty = CA validation only. */
  tlsPins?: () => readonly string[];
  /** Extra trusted CA certificates (PEM) besides Node's bundled roots: a city's own CA, or a test's self-signed certificate. */
  ca?: string[];
}

export interface RequestInput {
  method: string;
  headers?: Record<string, string>;
  body?: Buffer | (() => AsyncIterable<Buffer>);
  signal?: AbortSignal;
  maxResponseBytes?: number;
  /**
   * For a 200/206 answer: hand each body chunk to `sink` as it arrives instead of keeping it (the
   * answer's body is then empty), so what arrived before a cut is kept (resumable downloads).
   */
  sink?: (chunk: Buffer) => void;
}

/**
 * HTTP/1.1 with one keep-alive connection. A request that fails at once on a reused socket (the
 * platform closed it while idle: ECONNRESET/EPIPE before any answer) is retried once on a fresh
 * connection without counting as an attempt — every request of the protocol is idempotent.
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly httpsAgent: HttpsAgent;

  constructor(private readonly options: HttpOptions) {
    // Idle sockets are dropped after 20 s, before the platform's 30 s keep-alive timeout.
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, maxFreeSockets: 1, timeout: 20_000 });
    this.httpsAgent = new HttpsAgent({
      keepAlive: true,
      maxSockets: 1,
      maxFreeSockets: 1,
      timeout: 20_000,
      minVersion: 'TLSv1.2',
      ...(options.ca?.length ? { ca: [...rootCertificates, ...options.ca] } : {}),
    });
  }

  async request(url: string, input: RequestInput): Promise<HttpAnswer> {
    try {
      return await this.once(url, input);
    } catch (e) {
      if (e instanceof StaleSocketError) return this.once(url, input);
      throw e;
    }
  }

  /** Throw PlatformError unless the status is one of `ok`; a 4xx/5xx without a `{code, message}` body is a transport failure (a proxy, a captive portal). */
  static expect(answer: HttpAnswer, ...ok: number[]): HttpAnswer {
    if (ok.includes(answer.status)) return answer;
    let wire: WireError | undefined;
    try {
      const parsed = wireErrorSchema.safeParse(JSON.parse(answer.body.toString('utf8')));
      wire = parsed.success ? parsed.data : undefined;
    } catch {
      wire = undefined;
    }
    if (!wire) throw new TransportError(`HTTP ${answer.status} without a platform error body`);
    throw new PlatformError(answer.status, wire, answer.headers);
  }

  close(): void {
    this.agent.destroy();
    this.httpsAgent.destroy();
  }

  private once(url: string, input: RequestInput): Promise<HttpAnswer> {
    const { signal } = input;
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const https = url.startsWith('https:');
    // Production is HTTPS only; plain http reaches this machine only (tests, demos).
    if (!https && !isLoopbackHost(new URL(url).hostname))
      return Promise.reject(new JiuzhuError('SYNC_PLATFORM_HTTPS_REQUIRED', { url: new URL(url).origin }));
    const bodyLength = Buffer.isBuffer(input.body) ? input.body.length : undefined;
    return new Promise<HttpAnswer>((resolve, reject) => {
      let answered = false;
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const headers: Record<string, string> = { 'Jiuzhu-Protocol': '1', ...input.headers };
      if (bodyLength !== undefined) headers['Content-Length'] = String(bodyLength);
      const tls = https ? { checkServerIdentity: pinnedServerIdentity(this.options.tlsPins?.() ?? []) } : {};
      const req = (https ? httpsRequest : httpRequest)(
        url,
        { method: input.method, headers, agent: https ? this.httpsAgent : this.agent, ...tls },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          let size = 0;
          const sink = input.sink && (res.statusCode === 200 || res.statusCode === 206) ? input.sink : undefined;
          res.on('data', (c: Buffer) => {
            size += c.length;
            this.options.onBytesReceived?.(c.length);
            if (input.maxResponseBytes && size > input.maxResponseBytes) req.destroy(new TransportError('answer too large'));
            else if (sink) sink(c);
            else chunks.push(c);
          });
          res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })));
          res.on('aborted', () => finish(() => reject(new TransportError('answer cut short', 'ECONNRESET'))));
          res.on('error', (e) => finish(() => reject(new TransportError(e.message, (e as NodeJS.ErrnoException).code))));
        },
      );
      if (https)
        req.once('socket', (socket) => {
          // A kept-alive socket was checked when it connected, maybe before the pins were known
          // (registration) or changed: check it again against the pins of now.
          if (!req.reusedSocket) return;
          const verdict = pinnedServerIdentity(this.options.tlsPins?.() ?? [])(
            new URL(url).hostname,
            (socket as TLSSocket).getPeerCertificate(),
          );
          if (verdict) req.destroy(verdict);
        });
      const onAbort = () => req.destroy(new CancelledError());
      signal?.addEventListener('abort', onAbort, { once: true });
      req.setTimeout(this.options.idleTimeoutMs, () => req.destroy(new TransportError('idle timeout', 'ETIMEDOUT')));
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (e instanceof CancelledError || signal?.aborted) return finish(() => reject(new CancelledError()));
        if (e instanceof TlsPinMismatchError)
          return finish(() => reject(new JiuzhuError('SYNC_TLS_PIN_MISMATCH', { host: e.host }, { pin: e.pin })));
        const stale = req.reusedSocket && !answered && (e.code === 'ECONNRESET' || e.code === 'EPIPE');
        finish(() => reject(stale ? new StaleSocketError() : e instanceof TransportError ? e : new TransportError(e.message, e.code)));
      });
      void this.writeBody(req, input, signal).catch((e: unknown) => req.destroy(e instanceof Error ? e : new TransportError(String(e))));
    });
  }

  private async writeBody(req: ReturnType<typeof httpRequest>, input: RequestInput, signal: AbortSignal | undefined): Promise<void> {
    const body = input.body;
    if (!body) {
      req.end();
      return;
    }
    const source: AsyncIterable<Buffer> = Buffer.isBuffer(body) ? chunked(body) : body();
    for await (const chunk of throttle(source, this.options.bytesPerSecond, signal)) {
      if (req.destroyed) return;
      const ok = req.write(chunk);
      this.options.onBytesSent?.(chunk.length);
      if (!ok)
        await new Promise<void>((r) => {
          req.once('drain', r);
          req.once('close', r);
        });
    }
    if (!req.destroyed) req.end();
  }
}

class StaleSocketError extends Error {}

async function* chunked(bytes: Buffer, size = 16 * 1024): AsyncIterable<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
