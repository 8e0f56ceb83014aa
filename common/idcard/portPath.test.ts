import { describe, expect, it } from 'vitest';
import { isPortPathForm } from './portPath';

describe('a serial port path an admin types', () => {
  it('accepts device paths: /dev nodes, stable links, pty links, COM ports', () => {
    for (const p of [
      '/dev/ttyUSB0',
      '/dev/ttyACM1',
      '/dev/ttyS0',
      '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0',
      '/tmp/jiuzhu-emu-Ab12/reader',
      'COM3',
      'com12',
      '\\\\.\\COM12',
    ]) {
      expect(isPortPathForm(p), p).toBe(true);
    }
  });

  it('refuses names, relative paths, dot segments, UNC paths and control characters', () => {
    for (const p of [
      '',
      'ttyUSB0',
      'dev/ttyUSB0',
      './ttyUSB0',
      '/dev/../etc/passwd',
      '/dev/./ttyUSB0',
      '/dev/ttyUSB0/',
      '//host/share',
      '\\\\host\\share\\x',
      'COM0',
      'COM1234',
      'C:\\dev\\x',
      '/dev/tty\nUSB0',
      `/${'a'.repeat(260)}`,
    ]) {
      expect(isPortPathForm(p), JSON.stringify(p)).toBe(false);
    }
  });
});
