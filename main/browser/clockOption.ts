/**
 * `--clock <ISO instant>`: core's clock starts at that instant and runs forward in real time, so a
 * test can show a review due a year later. Accepted only with JIUZHU_ALLOW_CLOCK=1 in the
 * environment; a station must never run on a wrong clock by accident.
 */
export type ClockOption = { ok: true; offsetMs: number; warning: string } | { ok: false; message: string };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseClockOption(value: string, env: Record<string, string | undefined>, now = Date.now()): ClockOption {
  if (env.JIUZHU_ALLOW_CLOCK !== '1')
    return { ok: false, message: '--clock 仅用于测试：须在环境变量中设置 JIUZHU_ALLOW_CLOCK=1 才能使用，已拒绝启动。' };
  const at = ISO_INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(at))
    return { ok: false, message: `--clock 的时间格式不对（${value.slice(0, 40)}），应为带时区的时间，例如 2027-12-01T09:00:00+08:00。` };
  return { ok: true, offsetMs: at - now, warning: `警告：测试时钟已启用，工作站时间从 ${value} 开始走时（仅供测试，不得用于正式办理）。` };
}
