/**
 * The names of every method and event, without their schemas, so the preload can refuse anything
 * else while staying free of zod. registry.ts and events.ts are checked against these lists at
 * compile time (a name missing from either side is a type error).
 */
/** One line per capability; the registry is checked against this list both ways. */
const APP = ['app.info', 'idNumber.check'] as const;
const SESSION = ['setup.status', 'setup.init', 'session.login', 'session.current', 'session.touch', 'session.lock', 'session.unlock', 'session.logout', 'session.changePassword'] as const;
const ACCOUNTS = ['accounts.list', 'accounts.create', 'accounts.setRoles', 'accounts.disable', 'accounts.resetPassword'] as const;
const AUDIT = ['audit.query', 'audit.verify'] as const;
const BACKUP = ['backup.create', 'backup.restore', 'setup.restore', 'store.check'] as const;
const IDCARD = ['idcard.status', 'idcard.ports', 'idcard.configure', 'idcard.read', 'idcard.watch'] as const;

export const METHOD_NAMES = [...APP, ...SESSION, ...ACCOUNTS, ...AUDIT, ...BACKUP, ...IDCARD] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = ['core.ready', 'task.progress', 'idcard.status', 'idcard.card'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
