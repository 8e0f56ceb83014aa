import { JiuzhuError } from '../../common/contract/index';
import type { CommandContext } from './command';
import { EXIT, type ExitCode } from './io';
import { reportError } from './output';

export function badArgs(ctx: CommandContext, detail: string): ExitCode {
  return reportError(ctx, new JiuzhuError('BAD_ARGUMENTS', { detail }).toApiError(), EXIT.badInput);
}
