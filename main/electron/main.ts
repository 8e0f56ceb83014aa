import { app, BrowserWindow, crashReporter, dialog, Menu, session } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../common/i18n/translate';
import { isJiuzhuError } from '../../common/contract/errors';
import {
  APP_VERSION,
  createFileLogger,
  createStderrLogger,
  dataLocation,
  defaultDataDir,
  logsDir,
  machineScopeOptions,
  readPreset,
  shareFilesWithGroup,
  startWorkerCore,
  teeLogger,
  type CoreApi,
} from '../core/index';
import { adminArgsOf, gpuDisabled } from './launch';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { allowApplicantWindow } from './applicantWindow';
import { forwardEvents, routeIpc, windowIdOf } from './ipc';
import { createElectronPrintHost } from './printing';
import { desktopMachineSecret, isMachineSecretHelper, runMachineSecretHelper } from './machineSecret';
import { appMenuTemplate } from './menu';
import { hardenWebContents } from './security';
import { restrictDownloads } from './downloads';
import { createMainWindow } from './window';

/**
 * The desktop shell. It owns windows, IPC and OS integration only; all services run in core,
 * hosted in a worker thread so nothing synchronous blocks this (the UI) thread.
 */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
// The machine preset IT deployed (GPU switch, setup defaults); a damaged one is logged and ignored.
const preset = readPreset();
// One station per OS account, or (preset "dataScope": "machine") one the PC's staff accounts share.
const location = dataLocation(preset.preset);
const dataDir = location.dataDir;
// A shared station: from here on nothing this process writes is readable outside the station's group.
if (location.scope === 'machine') shareFilesWithGroup();
// The main process's log file beside core's and the renderer's (<dataDir>/logs, redacted, rotated).
const logger = teeLogger(createStderrLogger(), createFileLogger({ dir: logsDir(dataDir), name: 'main' }));
if (preset.problem) logger.log('warn', 'preset.ignored', { problem: preset.problem });
if (gpuDisabled(process.env, preset.preset)) app.disableHardwareAcceleration();
// Chromium's own profile stays per account even when the station is shared (two accounts' windows
// must not share one profile or its single-instance lock).
app.setPath('userData', location.scope === 'machine' ? defaultDataDir() : dataDir);
// Crash dumps stay on this machine (they hold memory, so personal data): nothing is uploaded;
// 导出诊断信息 lists them by name for the county's IT.
app.setPath('crashDumps', join(dataDir, 'crashes'));
crashReporter.start({ uploadToServer: false, compress: true });
registerAppScheme();
hardenWebContents(devServerUrl);

// `--jiuzhu-machine-secret-helper`: the CLI or the browser shell asks this app to unseal the machine secret.
const secretHelper = isMachineSecretHelper();
// `<app> --admin …`: the admin CLI inside the installed app (it cannot run Node scripts); no window.
const adminArgs = adminArgsOf(process.argv);
if (secretHelper) runMachineSecretHelper();
else if (adminArgs) void runAdminCli(adminArgs);
else if (!app.requestSingleInstanceLock()) app.quit();

/** Run out/main/cli.js as jiuzhu-admin with these arguments, then exit with its code. */
async function runAdminCli(args: string[]): Promise<void> {
  process.argv = [process.argv[0]!, 'jiuzhu-admin', ...args];
  const cli = (await import(new URL('./cli.js', import.meta.url).href)) as { done: Promise<number> };
  app.exit(await cli.done);
}

let core: CoreApi | undefined;

/**
 * In development the Electron-ABI build of SQLite sits in native/electron (scripts/native/sqliteBuilds.js),
 * beside the Node build the tests use; a packaged app's node_modules is already built for Electron.
 */
function sqliteBinding(): { sqliteNativeBinding?: string } {
  if (app.isPackaged) return {};
  const dev = fileURLToPath(new URL('../../native/electron/better_sqlite3.node', import.meta.url));
  return existsSync(dev) ? { sqliteNativeBinding: dev } : {};
}

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.whenReady().then(
  async () => {
    if (secretHelper || adminArgs) return;
    // No Reload or Developer Tools (nor their shortcuts) in a packaged app: Electron's default menu has both.
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged, platform: process.platform })));
    serveRenderer(fileURLToPath(new URL('../renderer', import.meta.url)));
    // The lists and the diagnostics ZIP the clerk saves end 0600, not at the umask (downloads.ts).
    restrictDownloads(session.defaultSession, logger);
    core = await startWorkerCore({
      script: new URL('./coreWorker.js', import.meta.url),
      core: {
        shell: 'electron',
        dataDir,
        // Password slots are bound to this machine secret: sealed by safeStorage for one account
        // (machineSecret.ts), or the machine-wide one of a shared station (core app/dataScope.ts).
        ...(location.scope === 'machine'
          ? machineScopeOptions(location, logger)
          : { machineSecret: desktopMachineSecret(dataDir, logger) }),
        version: APP_VERSION,
        ...sqliteBinding(),
        // Demo mode (npm start -- --demo): the reader emulator's pty, labelled 模拟读卡器. Never in a packaged app.
        ...(!app.isPackaged && process.env.JIUZHU_EMULATED_READER ? { emulatedReaderPath: process.env.JIUZHU_EMULATED_READER } : {}),
        // A development build's tests name their feed's release key; a packaged app trusts only the key it ships.
        ...(!app.isPackaged && process.env.JIUZHU_UPDATE_KEY_FILE
          ? { releaseKeyPem: readFileSync(process.env.JIUZHU_UPDATE_KEY_FILE, 'utf8') }
          : {}),
      },
      logger,
      // Core asks this shell to print (Electron's printing) over the worker port.
      printHost: createElectronPrintHost(devServerUrl),
    });
    routeIpc(core, logger, devServerUrl);
    const window = createMainWindow(devServerUrl);
    const stopEvents = forwardEvents(core, window);
    allowApplicantWindow(core, window, logger, devServerUrl);
    const windowId = windowIdOf(window.webContents.id);
    window.on('closed', () => {
      stopEvents();
      // A closed window ends its session: the next window logs in again.
      void core?.invoke('session.logout', {}, { via: 'electron', windowId });
    });
  },
  (error: unknown) => {
    logger.log('error', 'electron.start_failed', { error: String(error) });
    // The clerk must see why the app did not open (e.g. the machine secret's keystore changed), not a silent exit.
    const reason = isJiuzhuError(error) ? error.message : translate('desktop.startFailed.unknown');
    dialog.showErrorBox(translate('desktop.startFailed.title'), translate('desktop.startFailed.body', { reason }));
    app.exit(1);
  },
);

app.on('window-all-closed', () => {
  void (core?.close() ?? Promise.resolve()).finally(() => app.quit());
});
