import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../contract/errors';
import { translate } from './translate';
import { zhCN } from './zh-CN/index';

describe('message catalog', () => {
  it('fills placeholders', () => {
    expect(translate('idNumber.typing', { count: 6, left: 12 })).toBe('已输入 6 位，还差 12 位');
  });
  it('has a non-empty Chinese message for every error code', () => {
    for (const code of ERROR_CODES) {
      const message = zhCN.errors[code] as string;
      expect(message, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('leaves no English user text in the error messages', () => {
    for (const code of ERROR_CODES) expect(zhCN.errors[code] as string).not.toMatch(/\b(error|failed|invalid)\b/i);
  });
});
