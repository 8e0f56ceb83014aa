/**
 * Raw serial IO as the drivers see it. The native `serialport` binding is not safe to use from a
 * worker thread (its poller enters V8 without the isolate's lock), and core runs in a worker; so
 * drivers take a transport: the native one where core runs on a main thread (CLI, tests), and one
 * that asks the shell's main thread to do the IO (serialHostPort.ts) where core runs in a worker.
 */
export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export interface SerialChannel {
  readonly path: string;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  onData(listener: (bytes: Uint8Array) => void): void;
  /** Called once when the port goes away (unplugged, closed, failed). */
  onClose(listener: (reason?: string) => void): void;
}

export interface SerialTransport {
  list(): Promise<SerialPortInfo[]>;
  /** Rejects with an Error whose message says why the port could not be opened. */
  open(path: string, baudRate: number): Promise<SerialChannel>;
}
