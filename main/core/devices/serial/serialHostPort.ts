import type { SerialChannel, SerialPortInfo, SerialTransport } from './transport';

/** Requests from core (in a worker) to the shell's main thread, which owns the serial ports. */
export type SerialRequestMessage =
  | { type: 'serial'; id: number; op: 'list' }
  | { type: 'serial'; id: number; op: 'open'; path: string; baudRate: number }
  | { type: 'serial'; id: number; op: 'write'; handle: number; bytes: Uint8Array }
  | { type: 'serial'; id: number; op: 'close'; handle: number };

/** Answers and port traffic from the main thread back to core. */
export type SerialReplyMessage =
  | { type: 'serialResult'; id: number; ok: true; value?: unknown }
  | { type: 'serialResult'; id: number; ok: false; error: string }
  | { type: 'serialData'; handle: number; bytes: Uint8Array }
  | { type: 'serialClosed'; handle: number; reason?: string };

/** Core's side: a transport whose every operation is a message to the main thread. */
export function serialTransportOverPort(post: (message: SerialRequestMessage) => void) {
  let nextId = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const channels = new Map<number, { data: Array<(b: Uint8Array) => void>; close: Array<(r?: string) => void> }>();

  type Request = SerialRequestMessage extends infer M ? (M extends SerialRequestMessage ? Omit<M, 'id' | 'type'> : never) : never;
  const ask = <T>(message: Request): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      post({ type: 'serial', id, ...message } as SerialRequestMessage);
    });

  const transport: SerialTransport = {
    list: () => ask<SerialPortInfo[]>({ op: 'list' }),
    async open(path, baudRate) {
      const handle = await ask<number>({ op: 'open', path, baudRate });
      const listeners = { data: [] as Array<(b: Uint8Array) => void>, close: [] as Array<(r?: string) => void> };
      channels.set(handle, listeners);
      const channel: SerialChannel = {
        path,
        write: (bytes) => ask<void>({ op: 'write', handle, bytes }),
        close: () => ask<void>({ op: 'close', handle }),
        onData: (l) => void listeners.data.push(l),
        onClose: (l) => void listeners.close.push(l),
      };
      return channel;
    },
  };

  const receive = (message: SerialReplyMessage): void => {
    if (message.type === 'serialResult') {
      const w = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) w?.resolve(message.value);
      else w?.reject(new Error(message.error));
    } else if (message.type === 'serialData') {
      for (const l of channels.get(message.handle)?.data ?? []) l(message.bytes);
    } else {
      const listeners = channels.get(message.handle);
      channels.delete(message.handle);
      for (const l of listeners?.close ?? []) l(message.reason);
    }
  };
  return { transport, receive };
}

/** The main thread's side: do the IO with the native transport and report back. */
export function serveSerialRequests(native: SerialTransport, reply: (message: SerialReplyMessage) => void) {
  let nextHandle = 1;
  const open = new Map<number, SerialChannel>();
  const answer = (id: number, work: Promise<unknown>) =>
    work.then(
      (value) => reply({ type: 'serialResult', id, ok: true, ...(value === undefined ? {} : { value }) }),
      (error: unknown) => reply({ type: 'serialResult', id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );

  return {
    handle(message: SerialRequestMessage): void {
      switch (message.op) {
        case 'list':
          void answer(message.id, native.list());
          return;
        case 'open':
          void answer(
            message.id,
            native.open(message.path, message.baudRate).then((channel) => {
              const handle = nextHandle++;
              open.set(handle, channel);
              channel.onData((bytes) => reply({ type: 'serialData', handle, bytes }));
              channel.onClose((reason) => {
                open.delete(handle);
                reply({ type: 'serialClosed', handle, ...(reason ? { reason } : {}) });
              });
              return handle;
            }),
          );
          return;
        case 'write': {
          const channel = open.get(message.handle);
          void answer(message.id, channel ? channel.write(message.bytes) : Promise.reject(new Error('port closed')));
          return;
        }
        case 'close': {
          const channel = open.get(message.handle);
          void answer(message.id, channel ? channel.close() : Promise.resolve());
          return;
        }
      }
    },
    /** Close every port core left open (worker restart or shutdown). */
    async closeAll(): Promise<void> {
      await Promise.all([...open.values()].map((c) => c.close().catch(() => undefined)));
      open.clear();
    },
  };
}
