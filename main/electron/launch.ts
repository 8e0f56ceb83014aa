import type { MachinePreset } from '../../common/contract/preset';

/** The switch that runs the admin CLI inside the installed app: `救助通工作站 --admin info`. */
export const ADMIN_FLAG = '--admin';

/**
 * The admin CLI's arguments when the app was started as `<app> --admin …` (the packaged app
 * cannot run Node scripts, so jiuzhu-admin ships inside it); null for a normal start.
 */
export function adminArgsOf(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(ADMIN_FLAG);
  return at < 0 ? null : argv.slice(at + 1);
}

/**
 * Software rendering for graphics drivers that draw garbage or crash (some 信创 GPUs): the
 * machine preset's `disableGpu`, or JIUZHU_DISABLE_GPU=1 for one PC. (`--disable-gpu` on the
 * command line is Chromium's own switch and works too.)
 */
export function gpuDisabled(env: NodeJS.ProcessEnv, preset: MachinePreset): boolean {
  return env.JIUZHU_DISABLE_GPU === '1' || preset.disableGpu === true;
}
