import { SerialPort } from 'serialport';
import type { SerialChannel, SerialPortInfo, SerialTransport } from './transport';

/** The `serialport` binding, used on a main thread only. */
export const nativeSerialTransport: SerialTransport = {
  async list(): Promise<SerialPortInfo[]> {
    return (await SerialPort.list()).map((p) => ({
      path: p.path,
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
    }));
  },
  open(path, baudRate) {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      port.open((err) => (err ? reject(err) : resolve(channelOf(port, path))));
    });
  },
};

function channelOf(port: SerialPort, path: string): SerialChannel {
  let closed = false;
  const closeListeners: Array<(reason?: string) => void> = [];
  const fireClose = (reason?: string) => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners) l(reason);
  };
  port.on('close', () => fireClose());
  port.on('error', (e: Error) => fireClose(e.message));
  return {
    path,
    write: (bytes) =>
      new Promise((resolve, reject) => port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (err) => (err ? reject(err) : resolve()))),
    close: () =>
      new Promise((resolve) => {
        if (!port.isOpen) return resolve();
        port.close(() => {
          fireClose();
          resolve();
        });
      }),
    onData: (listener) => port.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))),
    onClose: (listener) => void closeListeners.push(listener),
  };
}
