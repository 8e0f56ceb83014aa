import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { ConnectionFaults, ConnectionStats, CutMode, Direction, LinkProxyOptions, LinkStats } from './options';
import { seededRandom } from './prng';
import { ShapedPipe } from './shapedPipe';

export interface LinkProxy {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  stats(): LinkStats;
  /** Change rates, latency, faults or random cuts for what follows (new slices, new connections). */
  setOptions(patch: Partial<Omit<LinkProxyOptions, 'target' | 'listenPort'>>): void;
  /** Cut every open connection now. */
  cutAll(mode?: CutMode): void;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function faultsFor(options: LinkProxyOptions, index: number, random: () => number): ConnectionFaults | undefined {
  const { faults, randomCuts } = options;
  const explicit = typeof faults === 'function' ? faults(index, random) : faults?.[index];
  if (explicit || !randomCuts) return explicit;
  if (random() >= randomCuts.probability) return undefined;
  const directions = randomCuts.directions ?? ['up', 'down'];
  const modes = randomCuts.modes ?? ['reset', 'close', 'half-close'];
  const direction = directions[Math.floor(random() * directions.length)]!;
  const at = Math.floor(random() * randomCuts.maxOffset);
  const cutMode = modes[Math.floor(random() * modes.length)]!;
  return direction === 'up' ? { cutUpAfter: at, cutMode } : { cutDownAfter: at, cutMode };
}

/** A fault-injecting TCP proxy on 127.0.0.1 for tests: latency, rate caps, stalls, cuts, resets. */
export async function startLinkProxy(initial: LinkProxyOptions): Promise<LinkProxy> {
  const targetHost = initial.target.host ?? '127.0.0.1';
  if (!LOOPBACK.has(targetHost)) throw new Error(`link-proxy forwards to loopback only, not ${targetHost}`);
  let options: LinkProxyOptions = { ...initial };
  const random = seededRandom(initial.seed ?? 1);
  const stats: ConnectionStats[] = [];
  const open = new Set<{ cut: (mode: CutMode, direction: Direction) => void; destroy: () => void }>();
  let accepted = 0;

  const server: Server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client: Socket) => {
    const index = accepted++;
    const faults = faultsFor(options, index, random);
    const record: ConnectionStats = { index, bytesUp: 0, bytesDown: 0 };
    stats.push(record);
    const upstream = createConnection({ host: targetHost, port: options.target.port, allowHalfOpen: true });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let cutDone = false;
    const pipes: ShapedPipe[] = [];
    const destroy = () => {
      client.destroy();
      upstream.destroy();
    };
    const cut = (mode: CutMode, direction: Direction, atByte = direction === 'up' ? record.bytesUp : record.bytesDown) => {
      if (cutDone) return;
      cutDone = true;
      record.cut = { direction, mode, atByte };
      if (mode === 'reset') {
        for (const p of pipes) p.stop();
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      } else if (mode === 'close') {
        for (const p of pipes) p.stop();
        client.end();
        upstream.end();
        setTimeout(destroy, 1000).unref();
      } else if (mode === 'half-close') {
        const [up, down] = pipes;
        (direction === 'up' ? up : down)?.stop();
        (direction === 'up' ? upstream : client).end();
      } else {
        for (const p of pipes) p.stop();
      }
    };
    const entry = { cut, destroy };
    open.add(entry);
    const mode = faults?.cutMode ?? 'reset';
    const stallFor = (d: Direction) =>
      faults?.stall?.direction === d ? { afterBytes: faults.stall.afterBytes, ms: faults.stall.ms } : undefined;
    const upHooks = {
      ...(faults?.cutUpAfter !== undefined ? { cutAfter: faults.cutUpAfter } : {}),
      ...(stallFor('up') ? { stall: stallFor('up')! } : {}),
      onForward: (n: number) => (record.bytesUp += n),
      onCut: (at: number) => cut(mode, 'up', at),
    };
    const downHooks = {
      ...(faults?.cutDownAfter !== undefined ? { cutAfter: faults.cutDownAfter } : {}),
      ...(stallFor('down') ? { stall: stallFor('down')! } : {}),
      onForward: (n: number) => (record.bytesDown += n),
      onCut: (at: number) => cut(mode, 'down', at),
    };
    pipes.push(new ShapedPipe(client, upstream, () => options.up ?? {}, random, upHooks));
    pipes.push(new ShapedPipe(upstream, client, () => options.down ?? {}, random, downHooks));
    // A reset on one side is passed on as a reset; an orderly close as an orderly close (by the pipes).
    const onError = (other: Socket) => () => {
      if (!other.destroyed) other.resetAndDestroy();
    };
    client.on('error', onError(upstream));
    upstream.on('error', onError(client));
    let closed = 0;
    const onClose = () => {
      if (++closed === 2) open.delete(entry);
    };
    client.on('close', onClose);
    upstream.on('close', onClose);
    upstream.on('connect', () => client.resume());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(initial.listenPort ?? 0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stats: () => ({
      connections: stats.length,
      bytesUp: stats.reduce((s, c) => s + c.bytesUp, 0),
      bytesDown: stats.reduce((s, c) => s + c.bytesDown, 0),
      cuts: stats.filter((c) => c.cut).length,
      perConnection: stats.map((c) => ({ ...c })),
    }),
    setOptions(patch) {
      options = { ...options, ...patch };
    },
    cutAll(mode = 'reset') {
      for (const c of [...open]) c.cut(mode, 'up');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of [...open]) c.destroy();
        server.close(() => resolve());
      }),
  };
}
