import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatedReader, residentCard } from '../../tools/sam-emulator/index';
import { createFixedCore } from '../core/index';
import { runCli } from './run';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { io: { out: (t) => (out += t), err: (t) => (err += t) }, makeCore: (dataDir) => createFixedCore({ dataDir }) });
  return { code, out, err };
}

describe('jiuzhu-admin idcard, against the reader emulator on a pty', () => {
  let reader: EmulatedReader;
  const card = residentCard({ seed: 11 });
  beforeAll(async () => {
    reader = await EmulatedReader.start({ card });
  });
  afterAll(async () => reader.stop());

  it('idcard read --json prints the card with exactly the agreed keys, exit 0', async () => {
    const r = await cli('--json', 'idcard', 'read', '--port', reader.hostPath, '--timeout', '3');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out);
    expect(printed.idNumber).toBe(card.expected.idNumber);
    expect(printed.name).toBe(card.expected.name);
    expect(printed.cardType).toBe('resident');
    expect(printed.photo).toEqual({ format: 'wlt', size: 1024 });
  });

  it('with no card by the timeout: exit 1 and IDCARD_NO_CARD as JSON', async () => {
    reader.removeCard();
    const r = await cli('--json', 'idcard', 'read', '--port', reader.hostPath, '--timeout', '1');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'IDCARD_NO_CARD' } });
    expect(r.err).toContain('未检测到身份证');
  });

  it('refuses bad arguments with exit 2', async () => {
    expect((await cli('idcard', 'read')).code).toBe(2);
    expect((await cli('idcard', 'read', '--port', reader.hostPath, '--baud', '1234')).code).toBe(2);
    expect((await cli('idcard', 'read', '--port', reader.hostPath, '--timeout', '-3')).code).toBe(2);
  });

  it('a port that is not there is a clear failure', async () => {
    const r = await cli('--json', 'idcard', 'read', '--port', '/dev/does-not-exist', '--timeout', '1');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.code).toMatch(/^IDCARD_/);
  });
});
