import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../contract/zodLocale';
import { fieldIssueMessage, fieldName, type FieldIssue } from './fieldErrors';

/** zod's own issues for a value, as core reports them (path formatted, code and bounds kept). */
function issuesOf(schema: z.ZodType, value: unknown): FieldIssue[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    path: i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n === 0 ? '' : '.'}${String(p)}`)).join(''),
    code: i.code,
    message: i.message,
    ...(i.code === 'too_small' ? { origin: i.origin, minimum: Number(i.minimum) } : {}),
    ...(i.code === 'too_big' ? { origin: i.origin, maximum: Number(i.maximum) } : {}),
  }));
}

describe('field messages', () => {
  it('names nested fields in words, array positions aside', () => {
    expect(fieldName('members[1].name')).toBe('家庭成员姓名');
    expect(fieldName('admin.displayName')).toBe('管理员姓名');
    expect(fieldName('supporters[0].phone')).toBe('联系电话');
    expect(fieldName('decision.missing[2].item')).toBe('需补正的材料名称');
    expect(fieldName('noSuchField')).toBeUndefined();
  });

  it('words each zod issue for its field', () => {
    const schema = z.object({
      members: z.array(z.object({ name: z.string().trim().min(1).max(30) })),
      decision: z.object({ reasons: z.array(z.string().min(2)).min(1) }),
      regionCode: z.string().regex(/^\d{6}$/),
    });
    const messages = issuesOf(schema, {
      members: [{ name: 'x'.repeat(31) }, { name: '' }],
      decision: { reasons: [] },
      regionCode: '12',
    }).map(fieldIssueMessage);
    expect(messages).toEqual(['家庭成员姓名最多 30 个字', '请填写家庭成员姓名', '请填写不予受理的理由', '行政区划代码应为 6 位数字']);
    for (const m of messages) expect(m).not.toMatch(/[A-Za-z]/);
  });

  it('keeps a custom check’s own words and falls back to 这一项 for a field the catalog does not name', () => {
    expect(fieldIssueMessage({ path: 'from', code: 'custom', message: '开始日期不能晚于结束日期' })).toBe('开始日期不能晚于结束日期');
    expect(fieldIssueMessage({ path: 'zzz', code: 'invalid_type' })).toBe('请填写这一项');
    expect(fieldIssueMessage({ path: 'x', code: 'unrecognized_keys' })).toContain('程序版本不一致');
  });
});
