import { JiuzhuError } from '../../../common/contract/index';
import { readPreset } from '../kernel/app/preset';
import type { Capability, CoreDeps } from '../capability';
import type { SessionCallContext } from '../context';
import { compareVersions } from './feed';
import { keptDownloads, verifyKeptDownload } from './installable';
import { loadReleaseKey } from './releaseKey';
import { readUpdateSource, writeUpdateSource } from './source';
import { checkUpdate, downloadUpdate, previousRelease, type UpdateContext } from './updater';

type UpdateMethods = 'update.status' | 'update.setSource' | 'update.check' | 'update.download' | 'update.install';

export interface UpdatesOptions {
  /** The release key's public half; default the build's resources/update/release-key.pem. */
  releaseKeyPem?: string | null;
}

/**
 * 程序更新 for the admin (README.md): the county's address, check and download against the signed
 * feed, and install — verified again, then handed to the desktop shell, which runs the installer
 * (main/electron/updateInstall.ts). The browser shell and the CLI cannot run one: they refuse with
 * the verified file's path for IT.
 */
export function updatesCapability(deps: CoreDeps, options: UpdatesOptions = {}): Capability<UpdateMethods> {
  let key: string | null | undefined = options.releaseKeyPem;
  const context = async (): Promise<UpdateContext> => ({
    currentVersion: deps.version,
    platform: process.platform,
    arch: process.arch,
    deviceId: await deps.deviceId(),
    publicKeyPem: (key ??= loadReleaseKey()),
    dataDir: deps.dataDir,
  });
  const source = () => readUpdateSource(deps.dataDir, readPreset().preset.updateUrl);
  const url = () => {
    const { url } = source();
    if (!url) throw new JiuzhuError('UPDATE_NO_SOURCE');
    return { kind: 'url' as const, url };
  };
  const audit = async (ctx: SessionCallContext, action: string, details: Record<string, string | number>) => {
    (await deps.services()).auth.audit().append({ actor: ctx.session.userId, action, details });
  };

  return {
    handlers: {
      'update.status': async () => {
        const ctx = await context();
        const { url, from } = source();
        const downloads = keptDownloads(ctx);
        const installable = downloads.find((d) => compareVersions(d.version, deps.version) > 0)?.version ?? null;
        return {
          current: deps.version,
          url,
          urlFrom: from,
          downloads,
          installable,
          previous: previousRelease(ctx),
          canInstall: deps.shell === 'electron',
        };
      },
      'update.setSource': async (input, ctx) => {
        await audit(ctx, 'update.set_source', { host: new URL(input.url).host });
        writeUpdateSource(deps.dataDir, input.url);
        return { url: input.url };
      },
      'update.check': async () => {
        const r = await checkUpdate(await context(), url());
        return { state: r.state, version: r.release.version, current: deps.version, releaseDate: r.release.releaseDate };
      },
      'update.download': async (_input, ctx) => {
        const got = await downloadUpdate(await context(), url());
        await audit(ctx, 'update.download', { version: got.release.version });
        return { version: got.release.version, installer: got.installer };
      },
      'update.install': async (input, ctx) => {
        const verified = await verifyKeptDownload(await context(), input.version);
        await audit(ctx, 'update.install', { version: input.version, shell: deps.shell });
        if (deps.shell !== 'electron')
          throw new JiuzhuError('UPDATE_NEEDS_DESKTOP', { path: verified.installer }, { installer: verified.installer });
        return { version: verified.release.version, installer: verified.installer, kind: verified.kind };
      },
    },
  };
}
