/** Pull the global options (--data DIR, --json, --help) out of argv wherever they stand. */
export interface SplitArgs {
  data: string | undefined;
  user: string | undefined;
  json: boolean;
  help: boolean;
  rest: string[];
  error: string | undefined;
}

export function splitGlobalArgs(argv: readonly string[]): SplitArgs {
  const out: SplitArgs = { data: undefined, user: undefined, json: false, help: false, rest: [], error: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--data') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) out.error = '--data 后面需要一个目录';
      else out.data = value;
      i++;
    } else if (arg.startsWith('--data=')) out.data = arg.slice('--data='.length);
    else if (arg === '--user') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) out.error = '--user 后面需要一个用户名';
      else out.user = value;
      i++;
    } else if (arg.startsWith('--user=')) out.user = arg.slice('--user='.length);
    else out.rest.push(arg);
  }
  if (out.data === '') out.error = '--data 后面需要一个目录';
  return out;
}
