import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtyPair } from '../../../../tools/samEmulator/index';
import { nativeSerialTransport } from './nativeTransport';

/**
 * A port held by another open of ours (the listing's probe still closing it when the admin presses
 * 使用此读卡器) is waited for, not refused; one held for longer is refused as before.
 */
const dir = mkdtempSync(join(tmpdir(), 'port-lock-'));
const pair = new PtyPair(join(dir, 'host'), join(dir, 'device'));
beforeAll(() => pair.start());
afterAll(async () => {
  await pair.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening a locked serial port', () => {
  it('waits while another open releases it', async () => {
    const first = await nativeSerialTransport.open(pair.hostPath, 115200);
    const released = new Promise<void>((r) => setTimeout(() => void first.close().then(r), 400));
    const second = await nativeSerialTransport.open(pair.hostPath, 115200);
    await released;
    await second.close();
  });

  it('refuses a port still held after the wait, naming the lock', async () => {
    const holder = await nativeSerialTransport.open(pair.hostPath, 115200);
    try {
      await expect(nativeSerialTransport.open(pair.hostPath, 115200)).rejects.toThrow(/Cannot lock port/);
    } finally {
      await holder.close();
    }
  }, 10_000);
});
