import { JiuzhuError } from '../../../../../common/contract/errors';

/** Why bytes from the wire are not a frame; the zh-CN words go into the clerk's message. */
const REASONS = {
  checksum: '校验和错误',
  length: '长度字段错误',
  truncated: '数据不完整',
  preamble: '帧头错误',
  trailing: '帧后有多余数据',
  shortBody: '应答内容过短',
  payload: '应答内容与长度不符',
} as const;

export type FrameProblem = keyof typeof REASONS;

export function frameError(problem: FrameProblem, details: Record<string, unknown> = {}): JiuzhuError {
  return new JiuzhuError('IDCARD_BAD_FRAME', { reason: REASONS[problem] }, { problem, ...details });
}
