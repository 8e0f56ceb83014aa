import { call } from './client';

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** Send one renderer error to core's renderer log (diagnostics.report); never throws. */
export function reportRendererError(kind: 'error' | 'rejection' | 'render', error: unknown): void {
  const e = error instanceof Error ? error : new Error(typeof error === 'string' ? error : JSON.stringify(error ?? null));
  void call('diagnostics.report', {
    kind,
    message: clip(e.message || e.name, 2000),
    ...(e.stack ? { stack: clip(e.stack, 8000) } : {}),
    route: clip(window.location.hash || window.location.pathname, 200),
  }).catch(() => undefined);
}

/**
 * Uncaught errors and rejected promises of this window go to the log files the county's IT reads
 * (导出诊断信息), instead of only to a console nobody opens at a counter.
 */
export function followRendererErrors(): void {
  window.addEventListener('error', (event) => reportRendererError('error', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportRendererError('rejection', event.reason));
}
