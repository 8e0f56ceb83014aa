import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS, exceededInputLimit, inputTooLarge, jsonTextTooDeep } from './inputLimits';

const nest = (levels: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

describe('input limits', () => {
  it('lets a real-sized input through', () => {
    const intake = {
      household: {
        members: Array.from({ length: 30 }, (_, i) => ({
          name: '王小文',
          idNumber: '11010519491231002X',
          incomes: [{ kind: 'wage', yuan: i }],
        })),
      },
      pages: ['x'.repeat(3_000_000)],
    };
    expect(exceededInputLimit(intake)).toBeNull();
    expect(exceededInputLimit(nest(INPUT_LIMITS.maxDepth))).toBeNull();
  });

  it('finds the depth, value count and size limits, without recursion', () => {
    expect(exceededInputLimit(nest(INPUT_LIMITS.maxDepth + 1))).toBe('depth');
    expect(exceededInputLimit(nest(1_000_000))).toBe('depth');
    expect(exceededInputLimit(new Array(INPUT_LIMITS.maxValues).fill(0))).toBe('values');
    expect(exceededInputLimit(Object.fromEntries(Array.from({ length: INPUT_LIMITS.maxValues }, (_, i) => [`k${i}`, 0])))).toBe('values');
    expect(exceededInputLimit({ a: 'x'.repeat(INPUT_LIMITS.maxChars), b: 'y' })).toBe('size');
    expect(exceededInputLimit({ ['k'.repeat(INPUT_LIMITS.maxChars + 1)]: 1 })).toBe('size');
  });

  it('ends on a cyclic object (structured clone keeps cycles over IPC)', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(exceededInputLimit(cyclic)).toBe('depth');
    const wide: unknown[] = [];
    for (let i = 0; i < 10; i++) wide.push(wide);
    expect(exceededInputLimit(wide)).not.toBeNull();
  });

  it('measures JSON text depth before parsing, ignoring brackets in strings', () => {
    expect(jsonTextTooDeep(`${'['.repeat(INPUT_LIMITS.maxDepth)}${']'.repeat(INPUT_LIMITS.maxDepth)}`)).toBe(false);
    expect(jsonTextTooDeep(`${'['.repeat(INPUT_LIMITS.maxDepth + 1)}`)).toBe(true);
    expect(jsonTextTooDeep(JSON.stringify({ a: '[{'.repeat(10_000), b: 'quote \\" [[[' }))).toBe(false);
  });

  it('refuses with a zh-CN message naming what was exceeded', () => {
    const e = inputTooLarge('depth').toApiError();
    expect(e).toMatchObject({ code: 'INPUT_TOO_LARGE', details: { limit: 'depth' } });
    expect(e.message).toBe('提交的数据层次过深（上限 64 层），已拒收，没有任何改动。请分几次提交较少的内容；如反复出现，请联系管理员。');
    expect(inputTooLarge('size').message).toContain('16 MB');
  });
});
