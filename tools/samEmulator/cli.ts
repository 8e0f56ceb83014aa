/**
 * 模拟读卡器 — run a byte-level ID card reader emulator on a pseudo-terminal.
 *
 *   tsx tools/samEmulator/cli.ts --link /tmp/jiuzhu-reader --card resident
 *
 * Then open /tmp/jiuzhu-reader as the reader's serial port. Type commands on stdin:
 *   place [resident|hkmotw|foreigner2017|foreigner2023] [seed]   remove   unplug   replug   status   quit
 * Fixture cards are made up by code (valid check digits, no real people).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CARD_MAKERS, type FixtureCardType } from './cards';
import { EmulatedReader } from './emulatedReader';
import type { Faults } from './faults';

const USAGE = `usage: tsx tools/samEmulator/cli.ts --link PATH [--card TYPE] [--seed N] [--appended-address TEXT]
  [--long-term] [--no-card] [--garbage N] [--dribble MS] [--bad-checksum N] [--slow MS] [--silent N]
  [--baud N] [--no-halt] [--zero-serial]
TYPE: resident | hkmotw | foreigner2017 | foreigner2023`;

const { values } = parseArgs({
  options: {
    link: { type: 'string' },
    card: { type: 'string', default: 'resident' },
    seed: { type: 'string', default: '1' },
    'appended-address': { type: 'string' },
    'long-term': { type: 'boolean', default: false },
    'no-card': { type: 'boolean', default: false },
    garbage: { type: 'string' },
    dribble: { type: 'string' },
    'bad-checksum': { type: 'string' },
    slow: { type: 'string' },
    silent: { type: 'string' },
    baud: { type: 'string' },
    'no-halt': { type: 'boolean', default: false },
    'zero-serial': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!values.link) fail('--link is required');
const isType = (t: string): t is FixtureCardType => Object.hasOwn(CARD_MAKERS, t);
if (!isType(values.card!)) fail(`unknown card type: ${values.card}`);

const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
const faults: Faults = {
  ...(values.garbage ? { garbageBefore: num(values.garbage)! } : {}),
  ...(values.dribble !== undefined ? { dribbleMs: num(values.dribble)! } : {}),
  ...(values['bad-checksum'] ? { badChecksum: num(values['bad-checksum'])! } : {}),
  ...(values.slow ? { slowMs: num(values.slow)! } : {}),
  ...(values.silent ? { silent: num(values.silent)! } : {}),
  ...(values.baud ? { baudRate: num(values.baud)! } : {}),
};

function makeCard(type: FixtureCardType, seed: number) {
  return CARD_MAKERS[type]({
    seed,
    ...(values['appended-address'] ? { appendedAddress: values['appended-address'] } : {}),
    ...(values['long-term'] ? { validUntil: 'long' as const } : {}),
  });
}

const card = values['no-card'] ? undefined : makeCard(values.card, Number(values.seed));
const reader = await EmulatedReader.start({
  hostPath: values.link,
  dir: (await import('node:os')).tmpdir(),
  sam: { haltAfterRead: !values['no-halt'], zeroSerial: values['zero-serial'] },
  faults,
  ...(card ? { card } : {}),
});

const say = (line: string): void => void process.stdout.write(`${line}\n`);
say(`模拟读卡器 (emulated reader) on ${reader.hostPath}`);
say(card ? `card: ${JSON.stringify(card.expected)}` : 'no card in the field');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await reader.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const [cmd, arg, seed] = line.trim().split(/\s+/);
  void (async () => {
    switch (cmd) {
      case 'place': {
        const type = arg && isType(arg) ? arg : (values.card as FixtureCardType);
        const placed = makeCard(type, Number(seed ?? values.seed));
        reader.placeCard(placed);
        return say(`placed: ${JSON.stringify(placed.expected)}`);
      }
      case 'remove':
        reader.removeCard();
        return say('removed');
      case 'unplug':
        await reader.unplug();
        return say('unplugged');
      case 'replug':
        await reader.replug();
        return say(`replugged on ${reader.hostPath}`);
      case 'status':
        return say(`card ${reader.sam.cardPresent ? 'present' : 'absent'}; answers ${reader.answers}`);
      case 'quit':
        return stop();
      case undefined:
      case '':
        return;
      default:
        return say('commands: place [type] [seed] | remove | unplug | replug | status | quit');
    }
  })();
});
rl.on('close', () => void stop());
