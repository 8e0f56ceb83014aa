import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../contract/permissions';
import { permissionLabel } from './labels';

describe('permissionLabel', () => {
  it('names every permission in Chinese words, and one this version does not know as 其他', () => {
    for (const p of PERMISSIONS) expect(permissionLabel(p), p).toMatch(/^[\u4e00-\u9fff（）、]+$/);
    expect(new Set(PERMISSIONS.map(permissionLabel)).size).toBe(PERMISSIONS.length);
    expect(permissionLabel('case.future')).toBe('其他');
  });
});
