import { JiuzhuError, type MethodOutput } from '../../../../common/contract/index';
import type { Session } from '../accounts/sessions';
import type { Clock } from '../../context';
import type { Handlers } from '../dispatch/handlers';
import { calibrateScrypt } from '../store/keys/kdf';
import { initStation } from '../store/initStation';
import type { StationServices } from './stationServices';
import type { WindowSessions } from './windowSessions';
import { readPreset } from '../app/preset';

type SessionInfo = NonNullable<MethodOutput<'session.current'>>;

export type SetupAndSessionHandlers = Pick<
  Handlers,
  | 'setup.status'
  | 'setup.init'
  | 'session.login'
  | 'session.current'
  | 'session.touch'
  | 'session.lock'
  | 'session.unlock'
  | 'session.logout'
  | 'session.changePassword'
>;

/** First-run setup and the window's session: login, idle lock and unlock, logout, own password. */
export function setupAndSessionHandlers(deps: {
  services: () => Promise<StationServices>;
  windows: WindowSessions;
  clock: Clock;
  dataDir: string;
  deviceId: () => Promise<string>;
}): SetupAndSessionHandlers {
  const { services, windows } = deps;

  const info = async (session: Session): Promise<SessionInfo> => {
    const s = await services();
    const account = s.station.isOpen() ? s.auth.accounts().findById(session.accountId) : null;
    return {
      accountId: session.accountId,
      username: session.username,
      displayName: account?.displayName ?? session.username,
      roles: session.roles,
      locked: session.locked,
      mustChangePassword: session.mustChangePassword,
      idleLockMinutes: s.config.idleLockMinutes,
    };
  };

  const windowSession = async (ctx: Parameters<Handlers['session.lock']>[1]): Promise<Session> => {
    const session = await windows.peek(ctx);
    if (!session) throw new JiuzhuError('UNAUTHENTICATED');
    return session;
  };

  return {
    'setup.status': async () => {
      const { preset, problem } = readPreset();
      const defaults = {
        ...(preset.stationName ? { stationName: preset.stationName } : {}),
        ...(preset.regionCode ? { regionCode: preset.regionCode } : {}),
        ...(preset.platformUrl ? { platformUrl: preset.platformUrl } : {}),
      };
      return { initialized: (await services()).station.isInitialized(), preset: defaults, presetProblem: problem ?? null };
    },
    'setup.init': async (input) => {
      const s = await services();
      if (s.station.isInitialized()) throw new JiuzhuError('STORE_ALREADY_INITIALIZED');
      const { params } = calibrateScrypt(250);
      const result = initStation({
        dataDir: deps.dataDir,
        stationName: input.stationName,
        regionCode: input.regionCode,
        admin: input.admin,
        machineId: await deps.deviceId(),
        machineSecret: s.station.machineSecret(),
        clock: deps.clock,
        kdf: params,
        passwordMinLength: s.config.passwordMinLength,
      });
      return { recoveryCode: result.recoveryCode };
    },
    'session.login': async (input, ctx) => {
      const s = await services();
      const session = s.auth.login(input.username, input.password);
      windows.bind(ctx.windowId, session);
      return info(session);
    },
    'session.current': async (_input, ctx) => {
      const session = await windows.peek(ctx);
      return session ? info(session) : null;
    },
    'session.touch': () => ({ ok: true }),
    'session.lock': async (_input, ctx) => {
      const session = await windowSession(ctx);
      return info((await services()).auth.lock(session.id));
    },
    'session.unlock': async (input, ctx) => {
      const session = await windowSession(ctx);
      return info((await services()).auth.unlock(session.id, input.password));
    },
    'session.logout': async (_input, ctx) => {
      const id = windows.unbind(ctx.windowId);
      if (id) (await services()).auth.logout(id);
      return { ok: true };
    },
    'session.changePassword': async (input, ctx) => {
      const session = await windowSession(ctx);
      if (session.locked) throw new JiuzhuError('AUTH_SESSION_LOCKED');
      const s = await services();
      s.accounts.changePassword(session, input.oldPassword, input.newPassword);
      return info(s.auth.sessions.peek(session.id) ?? session);
    },
  };
}
