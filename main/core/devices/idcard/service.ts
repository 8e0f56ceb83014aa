import { mkdirSync } from 'node:fs';
import type { z } from 'zod';
import { JiuzhuError, isJiuzhuError, type CoreEvent, type MethodOutput } from '../../../../common/contract/index';
import type { readerConfigSchema } from '../../../../common/contract/methods/idcard';
import { localIsoDate } from '../../../../common/format/dates';
import { translate } from '../../../../common/i18n/translate';
import type { Clock } from '../../context';
import type { Logger } from '../../kernel/logging/logger';
import type { WorkstationSettingsFile } from '../../kernel/settings/workstationSettings';
import type { SerialTransport } from '../serial/transport';
import type { IdCardBackend } from './backend';
import { likelyReaderFirst, listPorts, probePort } from './discovery';
import { CardPoller, type ReaderStatus } from './reader/poller';
import type { CardRead } from './reader/buildCard';
import { waitForCard } from './reader/readCard';
import { checkPortPath } from './portCheck';
import { openBackend, type ReaderConfig } from './sdk/openBackend';
import { listVendorLibraries, resolveVendorLibrary } from './sdk/vendorLibrary';

type StoredReader = z.output<typeof readerConfigSchema>;
type ReaderState = MethodOutput<'idcard.status'>;
type CardReadOut = MethodOutput<'idcard.read'>;

export interface IdCardServiceOptions {
  settings: WorkstationSettingsFile;
  emit: (event: CoreEvent) => void;
  clock: Clock;
  logger: Logger;
  /** Extra port paths to list (the emulator's pty in demo mode), and which of them is emulated. */
  emulatedPath?: string;
  /** How serial bytes move (native here, or through the shell's main thread when core is in a worker). */
  transport: SerialTransport;
  /** The install's vendor library folder (sdk/vendorLibrary.ts): the only place a reader library is loaded from. */
  libraryDir: string;
  /**
   * Where a termb library writes wz.txt / xp.wlt / zp.bmp (Read_Content_Path), created private (0700):
   * not the install folder, which must stay unwritable for anyone but the installer.
   */
  vendorOutputDir?: string;
}

const STATUS_MESSAGE: Record<ReaderState['status'], () => string> = {
  'not-configured': () => translate('idcard.status.notConfigured'),
  idle: () => translate('idcard.status.idle'),
  connected: () => translate('idcard.status.connected'),
  'no-reader': () => translate('idcard.status.noReader'),
  reading: () => translate('idcard.status.reading'),
  error: () => translate('idcard.status.error'),
};

/**
 * The workstation's reader: remembered per workstation, read on demand (读卡) or polled while a
 * screen asks for automatic reading, each card delivered once as an `idcard.card` event.
 */
export class IdCardService {
  private poller: CardPoller | undefined;
  private status: ReaderState['status'];
  private lastError: string | undefined;

  constructor(private readonly options: IdCardServiceOptions) {
    this.status = options.settings.read().idcardReader ? 'idle' : 'not-configured';
  }

  state(): ReaderState {
    const config = this.options.settings.read().idcardReader;
    return {
      status: config ? this.status : 'not-configured',
      message: this.status === 'error' && this.lastError ? this.lastError : STATUS_MESSAGE[config ? this.status : 'not-configured'](),
      reader: config ? describe(config) : null,
      emulated: config?.kind === 'sam' && config.path === this.options.emulatedPath,
      watching: this.poller !== undefined,
    };
  }

  async ports(): Promise<MethodOutput<'idcard.ports'>> {
    const extra = this.options.emulatedPath ? [this.options.emulatedPath] : [];
    const ports = likelyReaderFirst(await listPorts(extra, this.options.transport));
    const out: MethodOutput<'idcard.ports'> = [];
    for (const port of ports) {
      if (this.poller && this.configuredPath() === port.path) {
        out.push({ path: port.path, ok: true, ...(port.manufacturer ? { manufacturer: port.manufacturer } : {}) });
        continue;
      }
      const probe = await probePort(port.path, { timeoutMs: 600, transport: this.options.transport });
      out.push({
        path: port.path,
        ok: probe.ok,
        ...(port.path === this.options.emulatedPath
          ? { manufacturer: '模拟读卡器' }
          : port.manufacturer
            ? { manufacturer: port.manufacturer }
            : {}),
        ...(probe.samId ? { samId: probe.samId } : {}),
        ...(probe.error ? { error: probe.error.message } : {}),
      });
    }
    return out;
  }

  /**
   * Check the reader answers, then remember it for this workstation. The port must be a device and
   * the library an allow-listed one in the install's folder, both checked before anything is opened
   * or loaded; `record` (the audit row) runs once the reader answered and before it is remembered.
   */
  async configure(config: StoredReader, record: (config: StoredReader) => Promise<void> | void = () => undefined): Promise<ReaderState> {
    if (config.kind === 'sam') checkPortPath(config.path);
    const backendConfig = this.backendConfig(config);
    await this.stopWatching();
    const backend = await openBackend(backendConfig);
    await backend.close();
    await record(config);
    this.options.settings.update({ idcardReader: config });
    this.setStatus('connected');
    return this.state();
  }

  libraries(): MethodOutput<'idcard.libraries'> {
    return { folder: this.options.libraryDir, libraries: listVendorLibraries(this.options.libraryDir) };
  }

  async read(timeoutSeconds: number): Promise<CardReadOut> {
    const config = this.requireConfig();
    const resume = this.poller !== undefined;
    await this.stopWatching();
    let backend: IdCardBackend | undefined;
    try {
      this.setStatus('reading');
      backend = await openBackend(this.backendConfig(config));
      const read = await waitForCard(backend, { timeoutMs: timeoutSeconds * 1000, today: () => localIsoDate(this.options.clock.now()) });
      this.setStatus('connected');
      return this.toOutput(read);
    } catch (error) {
      this.fail(error);
      throw error;
    } finally {
      await backend?.close().catch(() => undefined);
      if (resume) this.startWatching(config);
    }
  }

  async watch(on: boolean): Promise<ReaderState> {
    if (!on) await this.stopWatching();
    else if (!this.poller) this.startWatching(this.requireConfig());
    return this.state();
  }

  async close(): Promise<void> {
    await this.stopWatching();
  }

  private startWatching(config: StoredReader): void {
    this.poller = new CardPoller({
      connect: async () => openBackend(this.backendConfig(config)),
      today: () => localIsoDate(this.options.clock.now()),
      onCard: (read) => this.options.emit({ event: 'idcard.card', payload: this.toOutput(read) }),
      onStatus: (status: ReaderStatus, error) => {
        if (error) this.lastError = error.message;
        this.setStatus(status);
      },
      onError: (error) => this.fail(error),
    });
    this.poller.start();
    this.emitState();
  }

  private async stopWatching(): Promise<void> {
    const poller = this.poller;
    this.poller = undefined;
    if (poller) {
      await poller.stop();
      this.emitState();
    }
  }

  private requireConfig(): StoredReader {
    const config = this.options.settings.read().idcardReader;
    if (!config) throw new JiuzhuError('IDCARD_NO_READER');
    return config;
  }

  private configuredPath(): string | undefined {
    const config = this.options.settings.read().idcardReader;
    return config?.kind === 'sam' ? config.path : undefined;
  }

  /** What the backend opens; a vendor library name becomes its real path inside the install's folder, or a typed refusal. */
  private backendConfig(config: StoredReader): ReaderConfig {
    if (config.kind === 'sam') return { ...config, transport: this.options.transport };
    const library = resolveVendorLibrary(config.kind, config.library, this.options.libraryDir);
    if (config.kind === 'sdtapi') return { ...config, library };
    const outputDir = this.options.vendorOutputDir;
    if (outputDir) mkdirSync(outputDir, { recursive: true, mode: 0o700 });
    return { ...config, library, ...(outputDir ? { outputDir } : {}), today: () => localIsoDate(this.options.clock.now()) };
  }

  private toOutput(read: CardRead): CardReadOut {
    return {
      card: read.card,
      photo: {
        status: read.photo.status,
        message: read.photo.message,
        ...(read.photo.bmp ? { bmpBase64: Buffer.from(read.photo.bmp).toString('base64') } : {}),
      },
      readAt: this.options.clock.now().toISOString(),
    };
  }

  private fail(error: unknown): void {
    if (isJiuzhuError(error) && error.code === 'IDCARD_NO_CARD') {
      this.setStatus('connected');
      return;
    }
    this.lastError = isJiuzhuError(error) ? error.message : undefined;
    this.options.logger.log('warn', 'idcard.read_failed', { code: isJiuzhuError(error) ? error.code : 'UNEXPECTED' });
    this.setStatus('error');
  }

  private setStatus(status: ReaderState['status']): void {
    if (status === this.status) return;
    this.status = status;
    this.emitState();
  }

  private emitState(): void {
    this.options.emit({ event: 'idcard.status', payload: this.state() });
  }
}

function describe(config: StoredReader): string {
  switch (config.kind) {
    case 'sam':
      return `${config.path} @ ${config.baudRate}`;
    case 'sdtapi':
      return `sdtapi ${config.library} 端口 ${config.port}`;
    case 'termb':
      return `termb ${config.library} 端口 ${config.port}`;
  }
}
