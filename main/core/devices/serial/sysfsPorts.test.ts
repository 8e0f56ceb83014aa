import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSerialPorts } from './nativeTransport';
import { listSysfsPorts } from './sysfsPorts';

const hasUdevadm = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v udevadm'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('listing serial ports on this machine', () => {
  it.skipIf(hasUdevadm)('without udevadm serialport cannot list, and the kernel views answer instead', async () => {
    // The failure a fresh minimal machine shows: serialport spawns udevadm.
    await expect(SerialPort.list()).rejects.toThrow(/udevadm ENOENT/);
    const reasons: string[] = [];
    const ports = await listSerialPorts({ onFallback: (r) => reasons.push(r) });
    expect(reasons).toEqual([expect.stringContaining('udevadm ENOENT')]);
    for (const port of ports) expect(statSync(port.path).isCharacterDevice()).toBe(true);
    // An on-board UART is listed exactly when the kernel found one behind ttyS0.
    const ttyS0 = '/sys/class/tty/ttyS0';
    const uart = existsSync(join(ttyS0, 'device')) && readFileSync(join(ttyS0, 'type'), 'utf8').trim() !== '0' && existsSync('/dev/ttyS0');
    expect(ports.some((p) => p.path === '/dev/ttyS0')).toBe(uart);
  });

  it('any failure of the OS listing falls back on Linux, and is an error elsewhere', async () => {
    const broken = () => Promise.reject(new Error('Error listing ports udevadm exited with error code: 1'));
    const reasons: string[] = [];
    await expect(listSerialPorts({ osList: broken, platform: 'linux', onFallback: (r) => reasons.push(r) })).resolves.toBeInstanceOf(Array);
    expect(reasons).toEqual(['Error listing ports udevadm exited with error code: 1']);
    await expect(listSerialPorts({ osList: broken, platform: 'win32' })).rejects.toThrow(/error code: 1/);
    const udev = [{ path: '/dev/ttyACM0', vendorId: '0400' }];
    expect(await listSerialPorts({ osList: async () => udev, platform: 'linux', onFallback: () => reasons.push('unexpected') })).toBe(udev);
    expect(reasons).toHaveLength(1);
  });
});

/**
 * A machine's /sys/class/tty and /dev, laid out as the kernel and udev lay them out; the device
 * nodes are links to /dev/null, a real character device.
 */
describe('the kernel views of a machine with a USB reader, a CDC reader and one real UART', () => {
  let root: string;
  const sys = () => join(root, 'sys', 'class', 'tty');
  const dev = () => join(root, 'dev');

  const file = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${text}\n`);
  };
  const tty = (name: string, device?: string, attrs: Record<string, string> = {}) => {
    const dir = join(sys(), name);
    mkdirSync(dir, { recursive: true });
    if (device) {
      mkdirSync(join(root, 'sys', 'devices', device), { recursive: true });
      symlinkSync(join(root, 'sys', 'devices', device), join(dir, 'device'));
    }
    for (const [k, v] of Object.entries(attrs)) file(join(dir, k), v);
  };
  const node = (name: string) => symlinkSync('/dev/null', join(dev(), name));

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'jiuzhu-sysfs-'));
    mkdirSync(join(dev(), 'serial', 'by-id'), { recursive: true });
    // CH340 bridge: the tty's device is the usb-serial port under the interface under the USB device.
    tty('ttyUSB0', 'pci0000:00/usb1/1-1/1-1:1.0/ttyUSB0');
    file(join(root, 'sys/devices/pci0000:00/usb1/1-1/idVendor'), '1a86');
    file(join(root, 'sys/devices/pci0000:00/usb1/1-1/idProduct'), '7523');
    file(join(root, 'sys/devices/pci0000:00/usb1/1-1/manufacturer'), 'QinHeng Electronics');
    // USB-CDC reader: the tty's device is the interface.
    tty('ttyACM0', 'pci0000:00/usb1/1-2/1-2:1.0');
    file(join(root, 'sys/devices/pci0000:00/usb1/1-2/idVendor'), '0400');
    file(join(root, 'sys/devices/pci0000:00/usb1/1-2/idProduct'), 'c35a');
    file(join(root, 'sys/devices/pci0000:00/usb1/1-2/serial'), 'SS0001');
    // One UART found by ACPI; the 8250 driver's placeholders (type 0); a ttyS without a device.
    tty('ttyS0', 'pnp0/00:05', { type: '4' });
    tty('ttyS1', 'platform/serial8250', { type: '0' });
    tty('ttyS2');
    // Virtual consoles and ptys are not serial ports.
    tty('tty1');
    tty('ptmx');
    for (const n of ['ttyUSB0', 'ttyACM0', 'ttyS0', 'ttyS1', 'ttyS2', 'tty1']) node(n);
    // A plugged bridge whose sysfs entry is not visible (a container) but whose node and stable link are.
    node('ttyUSB1');
    symlinkSync('../../ttyUSB1', join(dev(), 'serial', 'by-id', 'usb-1a86_USB_Serial-if00-port0'));
    // A stale stable link, and a regular file with a serial name: neither is a device.
    symlinkSync('../../ttyUSB7', join(dev(), 'serial', 'by-id', 'usb-gone-if00-port0'));
    file(join(dev(), 'ttyUSB9'), 'not a device');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists the USB and CDC readers with their USB ids, the real UART, and nothing else', () => {
    const ports = listSysfsPorts({ sysClassTty: sys(), dev: dev() });
    expect(ports).toEqual([
      { path: join(dev(), 'ttyACM0'), vendorId: '0400', productId: 'c35a', serialNumber: 'SS0001' },
      { path: join(dev(), 'ttyS0') },
      { path: join(dev(), 'ttyUSB0'), vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng Electronics' },
      { path: join(dev(), 'ttyUSB1') },
    ]);
  });

  it('without /sys it still finds the USB nodes (by-id and /dev), but never a ttyS it cannot confirm', () => {
    const ports = listSysfsPorts({ sysClassTty: join(root, 'no-sys'), dev: dev() });
    expect(ports.map((p) => p.path)).toEqual([join(dev(), 'ttyACM0'), join(dev(), 'ttyUSB0'), join(dev(), 'ttyUSB1')]);
  });
});
