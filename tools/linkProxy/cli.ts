import { parseArgs } from 'node:util';
import type { CutMode, LinkProxyOptions } from './options';
import { PROFILES } from './profiles';
import { startLinkProxy } from './proxy';

const USAGE = `tsx tools/linkProxy/cli.ts --target 127.0.0.1:PORT [options]
  --listen PORT            listen port on 127.0.0.1 (default: free port)
  --profile NAME           ${Object.keys(PROFILES).join(' | ')}
  --up-kbps N --down-kbps N    line rate in kbit/s
  --latency MS             one-way added delay, both directions
  --seed N                 seed of all random choices
  --cut-up-after BYTES     cut the first connection after BYTES client→target
  --cut-down-after BYTES   cut the first connection after BYTES target→client
  --cut-mode MODE          reset | close | half-close | blackhole (default reset)
  --random-cuts P:MAX      cut each connection with probability P at a random offset below MAX`;

const { values } = parseArgs({
  options: {
    target: { type: 'string' },
    listen: { type: 'string' },
    profile: { type: 'string' },
    'up-kbps': { type: 'string' },
    'down-kbps': { type: 'string' },
    latency: { type: 'string' },
    seed: { type: 'string' },
    'cut-up-after': { type: 'string' },
    'cut-down-after': { type: 'string' },
    'cut-mode': { type: 'string' },
    'random-cuts': { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help || !values.target) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const [host, port] = values.target.includes(':') ? values.target.split(':') : ['127.0.0.1', values.target];
const profile = values.profile ? PROFILES[values.profile] : undefined;
if (values.profile && !profile) throw new Error(`unknown profile ${values.profile}`);
const latency = values.latency ? Number(values.latency) : undefined;
const rate = (kbps: string | undefined) => (kbps ? (Number(kbps) * 1000) / 8 : undefined);
const mode = (values['cut-mode'] ?? 'reset') as CutMode;
const options: LinkProxyOptions = {
  target: { host: host!, port: Number(port) },
  listenPort: values.listen ? Number(values.listen) : 0,
  seed: values.seed ? Number(values.seed) : 1,
  up: {
    ...profile?.up,
    ...(rate(values['up-kbps']) ? { bytesPerSecond: rate(values['up-kbps'])! } : {}),
    ...(latency !== undefined ? { latencyMs: latency } : {}),
  },
  down: {
    ...profile?.down,
    ...(rate(values['down-kbps']) ? { bytesPerSecond: rate(values['down-kbps'])! } : {}),
    ...(latency !== undefined ? { latencyMs: latency } : {}),
  },
};
if (values['cut-up-after'] || values['cut-down-after'])
  options.faults = [
    {
      ...(values['cut-up-after'] ? { cutUpAfter: Number(values['cut-up-after']) } : {}),
      ...(values['cut-down-after'] ? { cutDownAfter: Number(values['cut-down-after']) } : {}),
      cutMode: mode,
    },
  ];
if (values['random-cuts']) {
  const [p, max] = values['random-cuts'].split(':').map(Number);
  options.randomCuts = { probability: p ?? 0.5, maxOffset: max ?? 100_000, modes: [mode] };
}

const proxy = await startLinkProxy(options);
console.log(`link-proxy ${proxy.url} → ${host}:${port}`);
const report = () => console.log(JSON.stringify({ ...proxy.stats(), perConnection: undefined }));
process.on('SIGINT', () => {
  report();
  void proxy.close().then(() => process.exit(0));
});
process.on('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
