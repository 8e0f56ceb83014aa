import { SerialPort } from 'serialport';
import { listSysfsPorts, LINUX_ROOTS, type SysfsRoots } from './sysfsPorts';
import type { SerialChannel, SerialPortInfo, SerialTransport } from './transport';

export interface PortListingOptions {
  /** The OS listing (serialport's list(): udevadm on Linux, SetupAPI on Windows, IOKit on macOS). */
  osList?: () => Promise<SerialPortInfo[]>;
  platform?: NodeJS.Platform;
  roots?: SysfsRoots;
  /** Told why the OS listing failed when the kernel's views were used instead. */
  onFallback?: (reason: string) => void;
}

const serialportList = async (): Promise<SerialPortInfo[]> =>
  (await SerialPort.list()).map((p) => ({
    path: p.path,
    ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
    ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
    ...(p.vendorId ? { vendorId: p.vendorId } : {}),
    ...(p.productId ? { productId: p.productId } : {}),
  }));

/**
 * The serial ports of this machine. On Linux serialport lists through `udevadm`, which minimal
 * systems and containers lack (`spawn udevadm ENOENT`); there, or when udev fails for any other
 * reason, the ports come from /sys/class/tty, /dev/serial/by-id and the /dev nodes (sysfsPorts.ts).
 * Elsewhere a failing OS listing is an error: there is no second source to ask.
 */
export async function listSerialPorts(options: PortListingOptions = {}): Promise<SerialPortInfo[]> {
  try {
    return await (options.osList ?? serialportList)();
  } catch (error) {
    if ((options.platform ?? process.platform) !== 'linux') throw error;
    options.onFallback?.(error instanceof Error ? error.message : String(error));
    return listSysfsPorts(options.roots ?? LINUX_ROOTS);
  }
}

/** The `serialport` binding, used on a main thread only. */
export function createNativeSerialTransport(options: Pick<PortListingOptions, 'onFallback'> = {}): SerialTransport {
  return {
    list: () => listSerialPorts(options),
    open: openPort,
  };
}

/** The native transport without a listener for the listing fallback (drivers' default). */
export const nativeSerialTransport: SerialTransport = createNativeSerialTransport();

/** How long an open waits for a port another open of ours still holds (a listing's probe closing it). */
const LOCK_WAIT_MS = 3000;

function openOnce(path: string, baudRate: number): Promise<SerialChannel> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    port.open((err) => (err ? reject(err) : resolve(channelOf(port, path))));
  });
}

/**
 * Open a port, waiting a moment while it is locked: the admin's 使用此读卡器 can come while the port
 * listing's probe of the same port is still closing it. A port another program keeps is still refused
 * (Cannot lock port) after LOCK_WAIT_MS, with the message the clerk sees today.
 */
async function openPort(path: string, baudRate: number): Promise<SerialChannel> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return await openOnce(path, baudRate);
    } catch (e) {
      if (!/cannot lock port/i.test((e as Error).message) || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

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
      new Promise((resolve, reject) =>
        port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (err) => (err ? reject(err) : resolve())),
      ),
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
