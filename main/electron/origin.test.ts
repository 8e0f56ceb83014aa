import { describe, expect, it } from 'vitest';
import { isAppUrl } from './origin';

describe('the app origin check used by IPC, navigation and permissions', () => {
  it('accepts only app://jiuzhu pages in production', () => {
    expect(isAppUrl('app://jiuzhu/index.html', undefined)).toBe(true);
    expect(isAppUrl('app://evil/index.html', undefined)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false);
    expect(isAppUrl('https://jiuzhu/', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
  });
  it('accepts the dev server origin only when it is configured', () => {
    expect(isAppUrl('http://localhost:5173/#/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});
