import { reviewStatementRef } from '../../../../common/contract/methods/afterAcceptance/reviews';
import { maskIdNumbersInText } from '../../../../common/format/mask';

/** The statement as the applicant reads it: a title, the signer's lines, the consent paragraphs. */
export interface ShownStatement {
  title: string;
  fields: Array<{ label: string; value: string }>;
  paragraphs: string[];
  /** What the signature is for, from the statement's reference line: the application, or the periodic review (定期核查). */
  purpose: 'intake' | 'review';
}

/**
 * The canonical 授权书 statement (common/capture/signatureBinding.ts — the very text whose SHA-256 the
 * signature carries) laid out for the applicant screen: the ID number masked (5001**********1234),
 * the role in words, and the two lines meant for the record rather than the reader left out (the
 * wording's version after the title, and the case reference, which says only what it is for: the
 * application or the periodic review). Every other line is shown as written.
 */
export function statementForScreen(statement: string, roleInWords: (role: string) => string): ShownStatement {
  const [first = '', ...rest] = statement.split('\n');
  const fields: ShownStatement['fields'] = [];
  const paragraphs: string[] = [];
  let purpose: ShownStatement['purpose'] = 'intake';
  for (const line of rest) {
    const m = /^([^：]{1,8})：(.*)$/.exec(line);
    if (!m) {
      paragraphs.push(maskIdNumbersInText(line));
      continue;
    }
    const [, label, value] = m as unknown as [string, string, string];
    if (label === '案件') {
      if (value.startsWith(reviewStatementRef(''))) purpose = 'review';
      continue;
    }
    fields.push({ label, value: label === '身份' ? roleInWords(value) : maskIdNumbersInText(value) });
  }
  return { title: first.replace(/\s+v\d+$/, ''), fields, paragraphs, purpose };
}

/** What the read-out says: the title, the signer's name and the paragraphs — never the ID number, in a room others can hear. */
export function statementToSpeak(shown: ShownStatement): string {
  const name = shown.fields.find((f) => f.label === '授权人');
  return [shown.title, ...(name ? [`${name.label}：${name.value}`] : []), ...shown.paragraphs].join('\n');
}
