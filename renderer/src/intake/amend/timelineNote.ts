import { translate } from '../../../../common/i18n/translate';

/**
 * A timeline entry's note as the clerk reads it. Core writes an amendment as `#<n> <what>` (the
 * material's code, or the signer's masked name) and a draft's material by its code: the number is
 * shown as 补充 #n and the code as the checklist's name.
 */
export function timelineNote(
  action: string,
  note: string | null,
  materials: ReadonlyArray<{ code: string; label: string }>,
): { text: string | null; amendment: number | null } {
  if (note === null) return { text: null, amendment: null };
  const label = (code: string) => materials.find((m) => m.code === code)?.label ?? code;
  if (action === 'material') return { text: label(note), amendment: null };
  if (action !== 'amendMaterial' && action !== 'amendAuthorization') return { text: note, amendment: null };
  const m = /^#(\d+) (.*)$/.exec(note);
  if (!m) return { text: note, amendment: null };
  const n = Number(m[1]);
  const what = action === 'amendMaterial' ? label(m[2]!) : m[2]!;
  return { text: `${translate('intake.amendment', { n })} ${what}`, amendment: n };
}
