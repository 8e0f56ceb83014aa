import { pinyin } from 'pinyin-pro';

/** Lower-case pinyin initials of a Chinese name (王小明 → wxm), for search at the counter. */
export function nameInitials(name: string): string {
  const letters = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }) as string[];
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
