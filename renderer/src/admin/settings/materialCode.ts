/**
 * A code for a material the county adds: cases record materials by code, so it never changes
 * once saved; the admin sees and edits only the name. Matches materialItemSchema's code pattern.
 */
export function newMaterialCode(random: () => number = Math.random): string {
  const suffix = Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');
  return `county_${suffix}`;
}
