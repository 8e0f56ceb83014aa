import { nativeSerialTransport } from '../serial/nativeTransport';
import type { SerialTransport } from '../serial/transport';
import { JiuzhuError, isJiuzhuError } from '../../../../common/contract/errors';
import { SamReader } from './reader/samReader';

export interface PortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export interface ProbeResult {
  path: string;
  /** A SAM answered the status command. */
  ok: boolean;
  samId?: string;
  error?: { code: string; message: string };
}

/** Every serial port the OS reports, plus any extra paths configured (e.g. the emulator's pty). */
export async function listPorts(extraPaths: string[] = [], transport: SerialTransport = nativeSerialTransport): Promise<PortInfo[]> {
  const ports = await transport.list();
  const found: PortInfo[] = ports.map((p) => ({
    path: p.path,
    ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
    ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
    ...(p.vendorId ? { vendorId: p.vendorId } : {}),
    ...(p.productId ? { productId: p.productId } : {}),
  }));
  for (const path of extraPaths) if (!found.some((p) => p.path === path)) found.push({ path });
  return found;
}

/** USB-CDC readers show up as these; plain UARTs (ttyS*, COM1) are probed after them. */
export function likelyReaderFirst(ports: PortInfo[]): PortInfo[] {
  const score = (p: PortInfo): number => (p.vendorId ? 0 : /ttyACM|ttyUSB|usbmodem|usbserial/i.test(p.path) ? 1 : 2);
  return [...ports].sort((a, b) => score(a) - score(b));
}

/** Open a port, send SAM status (11 FF) and read the SAM id; never throws. */
export async function probePort(
  path: string,
  options: { baudRate?: number; timeoutMs?: number; transport?: SerialTransport } = {},
): Promise<ProbeResult> {
  let reader: SamReader | undefined;
  try {
    reader = await SamReader.open({
      path,
      baudRate: options.baudRate ?? 115200,
      timeoutMs: options.timeoutMs ?? 400,
      ...(options.transport ? { transport: options.transport } : {}),
    });
    const samId = await reader.samId().catch(() => undefined);
    return { path, ok: true, ...(samId ? { samId } : {}) };
  } catch (error) {
    const e =
      isJiuzhuError(error) && error.code !== 'IDCARD_TIMEOUT'
        ? error
        : new JiuzhuError('IDCARD_NOT_A_READER', { port: path }, { port: path });
    return { path, ok: false, error: { code: e.code, message: e.message } };
  } finally {
    await reader?.close().catch(() => undefined);
  }
}

/** The first port where a SAM answers, probing likely readers first; IDCARD_NO_READER when none. */
export async function findReader(
  options: { baudRate?: number; timeoutMs?: number; extraPaths?: string[]; transport?: SerialTransport } = {},
): Promise<ProbeResult> {
  const ports = likelyReaderFirst(await listPorts(options.extraPaths, options.transport));
  for (const port of ports) {
    const result = await probePort(port.path, options);
    if (result.ok) return result;
  }
  throw new JiuzhuError('IDCARD_NO_READER', {}, { probed: ports.map((p) => p.path) });
}
