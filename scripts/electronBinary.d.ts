/** Path of the installed Electron binary, or null when it is absent (never triggers a download). */
export function electronBinary(env?: NodeJS.ProcessEnv): string | null;
