import { existsSync, readFileSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { SerialPortInfo } from './transport';

/** Where the kernel shows ttys and where their device nodes are; tests point these at a tree they build. */
export interface SysfsRoots {
  sysClassTty: string;
  dev: string;
}

export const LINUX_ROOTS: SysfsRoots = { sysClassTty: '/sys/class/tty', dev: '/dev' };

/**
 * Hardware serial ports by name: USB-serial bridges (ttyUSB, incl. CH341 and WCH drivers), USB-CDC
 * (ttyACM), on-board UARTs (ttyS, ttyAMA on ARM boards), Exar (ttyXRUSB).
 */
const SERIAL_NAME = /^tty(USB|ACM|S|AMA|CH341USB|WCHUSB|XRUSB)\d+$/;
/** Names found by globbing /dev alone: only USB ones, since the kernel creates those nodes only for a plugged device. */
const USB_NAME = /^tty(USB|ACM|CH341USB|WCHUSB|XRUSB)\d+$/;

const isCharDevice = (path: string): boolean => {
  try {
    return statSync(path).isCharacterDevice();
  } catch {
    return false;
  }
};

const readAttr = (dir: string, name: string): string | undefined => {
  try {
    const value = readFileSync(join(dir, name), 'utf8').trim();
    return value || undefined;
  } catch {
    return undefined;
  }
};

/** The USB device's own attributes, found by walking up from the tty's interface to the folder holding idVendor. */
function usbAttributes(deviceLink: string): Omit<SerialPortInfo, 'path'> {
  let dir: string;
  try {
    dir = realpathSync(deviceLink);
  } catch {
    return {};
  }
  for (let i = 0; i < 4; i++) {
    const vendorId = readAttr(dir, 'idVendor');
    if (vendorId) {
      const productId = readAttr(dir, 'idProduct');
      const manufacturer = readAttr(dir, 'manufacturer');
      const serialNumber = readAttr(dir, 'serial');
      return {
        vendorId,
        ...(productId ? { productId } : {}),
        ...(manufacturer ? { manufacturer } : {}),
        ...(serialNumber ? { serialNumber } : {}),
      };
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return {};
}

/**
 * An on-board UART is really there only when the kernel bound a device to it and found a UART
 * (`type` is PORT_UNKNOWN = 0 for the placeholders the 8250 driver registers, ttyS1…ttyS31 on most PCs).
 */
function uartPresent(ttyDir: string): boolean {
  return readAttr(ttyDir, 'type') !== '0';
}

/**
 * The serial ports of a Linux machine from the kernel's own views, without udev: what
 * `/sys/class/tty` shows with a device behind it, what `/dev/serial/by-id` links to, and the
 * USB tty nodes in /dev. Every path returned is a character device that exists now.
 */
export function listSysfsPorts(roots: SysfsRoots = LINUX_ROOTS): SerialPortInfo[] {
  const found = new Map<string, SerialPortInfo>();
  const add = (name: string, info: Omit<SerialPortInfo, 'path'> = {}) => {
    const path = join(roots.dev, name);
    if (found.has(path) || !isCharDevice(path)) return;
    found.set(path, { path, ...info });
  };

  for (const name of safeReaddir(roots.sysClassTty)) {
    if (!SERIAL_NAME.test(name)) continue;
    const ttyDir = join(roots.sysClassTty, name);
    if (!existsSync(join(ttyDir, 'device'))) continue;
    if ((name.startsWith('ttyS') || name.startsWith('ttyAMA')) && !uartPresent(ttyDir)) continue;
    add(name, usbAttributes(join(ttyDir, 'device')));
  }

  // udev's stable names link one level up to the node itself (../../ttyUSB0).
  const byId = join(roots.dev, 'serial', 'by-id');
  for (const link of safeReaddir(byId)) {
    let target: string;
    try {
      target = resolve(byId, readlinkSync(join(byId, link)));
    } catch {
      continue;
    }
    if (dirname(target) === resolve(roots.dev) && USB_NAME.test(basename(target))) add(basename(target));
  }

  for (const name of safeReaddir(roots.dev)) if (USB_NAME.test(name)) add(name);

  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
