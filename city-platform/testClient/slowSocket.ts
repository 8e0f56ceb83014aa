import { connect, type Socket } from 'node:net';

/** A raw connection to the platform that writes when told and records what comes back and when it closed. */
export interface SlowSocket {
  socket: Socket;
  /** Bytes written so far (by `write`). */
  sent(): number;
  /** Everything received so far, latin1. */
  received(): string;
  /** Resolves when the first byte of an answer arrives, with the bytes sent by then. */
  firstAnswer: Promise<{ afterMs: number; sentBytes: number }>;
  /** Resolves when the connection is closed (by either side), with ms since connecting. */
  closed: Promise<number>;
  write(data: string | Buffer): void;
  /** Write `data` one byte at a time, `everyMs` apart, until done or the connection closes. */
  trickle(data: string | Buffer, everyMs: number): Promise<void>;
}

export function slowSocket(port: number): Promise<SlowSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    const chunks: Buffer[] = [];
    let sent = 0;
    let onAnswer!: (v: { afterMs: number; sentBytes: number }) => void;
    const firstAnswer = new Promise<{ afterMs: number; sentBytes: number }>((r) => (onAnswer = r));
    const closed = new Promise<number>((r) => socket.on('close', () => r(Date.now() - started)));
    socket.on('data', (c: Buffer) => {
      if (!chunks.length) onAnswer({ afterMs: Date.now() - started, sentBytes: sent });
      chunks.push(c);
    });
    socket.on('error', () => {}); // a reset by the platform shows as `closed`
    const write = (data: string | Buffer) => {
      if (socket.destroyed) return;
      const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
      sent += bytes.length;
      socket.write(bytes);
    };
    socket.once('connect', () =>
      resolve({
        socket,
        sent: () => sent,
        received: () => Buffer.concat(chunks).toString('latin1'),
        firstAnswer,
        closed,
        write,
        async trickle(data, everyMs) {
          const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
          for (let i = 0; i < bytes.length && !socket.destroyed; i++) {
            write(bytes.subarray(i, i + 1));
            await new Promise((r) => setTimeout(r, everyMs));
          }
        },
      }),
    );
    socket.once('error', reject);
  });
}

/** The status code of the first answer in `raw`, or 0 when there is none. */
export const statusOf = (raw: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);

/** The JSON body of the first answer in `raw` (its Content-Length bytes). */
export function bodyOf(raw: string): Record<string, unknown> {
  const end = raw.indexOf('\r\n\r\n');
  const length = Number(/\r\ncontent-length: (\d+)/i.exec(raw.slice(0, end))?.[1] ?? 0);
  return JSON.parse(Buffer.from(raw.slice(end + 4, end + 4 + length), 'latin1').toString('utf8')) as Record<string, unknown>;
}
