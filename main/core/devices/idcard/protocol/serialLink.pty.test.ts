import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PtyPair } from '../../../../../tools/samEmulator/pty';
import { SerialLink } from './serialLink';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const PRE = [0xaa, 0xaa, 0xaa, 0x96, 0x69];

/** Requests exactly as they go on the wire. */
const FIND = [...PRE, 0x00, 0x03, 0x20, 0x01, 0x22];
const SELECT = [...PRE, 0x00, 0x03, 0x20, 0x02, 0x21];
/** Answers: find OK with IIN 00 00 00 00, select OK with 01…08, no card, and a 30 01 read (256 + 1024 bytes). */
const FOUND = [...PRE, 0x00, 0x08, 0x00, 0x00, 0x9f, 0x00, 0x00, 0x00, 0x00, 0x97];
const SELECTED = [...PRE, 0x00, 0x0c, 0x00, 0x00, 0x90, 1, 2, 3, 4, 5, 6, 7, 8, 0x94];
const NO_CARD = [...PRE, 0x00, 0x04, 0x00, 0x00, 0x80, 0x84];
const READ = [
  ...PRE,
  0x05,
  0x08,
  0x00,
  0x00,
  0x90,
  0x01,
  0x00,
  0x04,
  0x00,
  ...new Array<number>(1280).fill(0x20),
  0x05 ^ 0x08 ^ 0x90 ^ 0x01 ^ 0x04,
];

/** The reader's end of a pty pair, driven byte by byte by the test. */
class DeviceEnd {
  received: number[] = [];
  private constructor(private readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => this.received.push(...chunk));
  }

  static async open(path: string): Promise<DeviceEnd> {
    const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    return new DeviceEnd(port);
  }

  /** Wait for the next request and check its bytes. */
  async expectRequest(bytes: number[]): Promise<void> {
    const deadline = Date.now() + 2000;
    while (this.received.length < bytes.length && Date.now() < deadline) await sleep(5);
    expect(this.received.splice(0, bytes.length)).toEqual(bytes);
  }

  send(bytes: number[]): Promise<void> {
    return new Promise((resolve) => this.port.write(Buffer.from(bytes), () => this.port.drain(() => resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.port.isOpen ? this.port.close(() => resolve()) : resolve()));
  }
}

/** Whether a promise has settled yet. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await sleep(0);
  return done;
}

describe('SerialLink after an answer missed its timeout (exact bytes over a pty)', () => {
  let dir: string;
  let pair: PtyPair;
  let device: DeviceEnd;
  let link: SerialLink;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'serial-link-'));
    pair = new PtyPair(join(dir, 'host'), join(dir, 'device'));
    await pair.start();
    device = await DeviceEnd.open(pair.devicePath);
    link = await SerialLink.open(pair.hostPath);
  });
  afterEach(async () => {
    await link.close();
    await device.close();
    await pair.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** findCard sent and left unanswered until its timeout. */
  async function findTimesOut(timeoutMs = 200): Promise<void> {
    const lost = expect(link.exchange('findCard', timeoutMs)).rejects.toMatchObject({ code: 'IDCARD_TIMEOUT' });
    await device.expectRequest(FIND);
    await lost;
  }

  it('drops the late find answer that arrives while select is pending, and takes the select answer', async () => {
    await findTimesOut();
    expect(link.answersOwed).toBe(1);
    const select = link.exchange('selectCard', 2000);
    await device.expectRequest(SELECT);
    await device.send(FOUND);
    await sleep(100);
    expect(await settled(select)).toBe(false);
    await device.send(SELECTED);
    const answer = await select;
    expect(answer.sw3).toBe(0x90);
    expect([...answer.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(link.lateAnswers).toBe(1);
    expect(link.answersOwed).toBe(0);
  });

  it('a late answer that fits the pending command is its answer; the next one that does not fit is dropped', async () => {
    await findTimesOut();
    const find = link.exchange('findCard', 2000);
    await device.expectRequest(FIND);
    await device.send(FOUND);
    expect((await find).sw3).toBe(0x9f);
    expect(link.lateAnswers).toBe(0);
    // The reader's own answer to the second find comes next, while select waits.
    const select = link.exchange('selectCard', 2000);
    await device.expectRequest(SELECT);
    await device.send(FOUND);
    await device.send(SELECTED);
    expect((await select).sw3).toBe(0x90);
    expect(link.lateAnswers).toBe(1);
  });

  it('a late answer split across the next request is kept whole and dropped', async () => {
    await findTimesOut();
    await device.send(FOUND.slice(0, 8));
    await sleep(50);
    const select = link.exchange('selectCard', 2000);
    await device.expectRequest(SELECT);
    await device.send([...FOUND.slice(8), ...SELECTED]);
    expect([...(await select).data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(link.lateAnswers).toBe(1);
  });

  it('a damaged frame while an answer is owed does not fail the exchange now pending', async () => {
    await findTimesOut();
    const select = link.exchange('selectCard', 2000);
    await device.expectRequest(SELECT);
    await device.send([...FOUND.slice(0, -1), 0x00]);
    await sleep(150);
    expect(await settled(select)).toBe(false);
    await device.send(SELECTED);
    expect((await select).sw3).toBe(0x90);
  });

  it('the 1295-byte answer to a read that timed out is dropped while find waits for its no-card answer', async () => {
    const read = expect(link.exchange('readBase', 100)).rejects.toMatchObject({ code: 'IDCARD_TIMEOUT' });
    await device.expectRequest([...PRE, 0x00, 0x03, 0x30, 0x01, 0x32]);
    await read;
    const find = link.exchange('findCard', 2000);
    await device.expectRequest(FIND);
    await device.send(READ);
    await device.send(NO_CARD);
    expect((await find).sw3).toBe(0x80);
    expect(link.lateAnswers).toBe(1);
  });

  it('once the owed answer came between requests, the link is in step and checks no shapes', async () => {
    await findTimesOut();
    await device.send(FOUND);
    for (let waited = 0; link.lateAnswers === 0 && waited < 2000; waited += 10) await sleep(10);
    expect(link.lateAnswers).toBe(1);
    const select = link.exchange('selectCard', 2000);
    await device.expectRequest(SELECT);
    await device.send(NO_CARD);
    expect((await select).sw3).toBe(0x80);
  });

  it('an owed answer not seen within ten of its timeouts is forgotten', async () => {
    await findTimesOut(40);
    await sleep(450);
    const select = link.exchange('selectCard', 2000);
    await device.expectRequest(SELECT);
    await device.send(FOUND);
    expect((await select).sw3).toBe(0x9f);
    expect(link.lateAnswers).toBe(0);
  });
});
