/**
 * What a signature on the 入户调查表 is bound to. The staff who went and the family members present
 * each sign the record of the visit; the signature pad is given the SHA-256 of this canonical
 * statement as its `documentHash` (as the intake does for the authorization, see
 * common/capture/signatureBinding.ts), and core rebuilds the statement from the visit it receives:
 * a record edited after signing no longer matches its signatures. Change the wording → new version.
 */
export const VISIT_STATEMENT_VERSION = 1;

export type VisitSignerRole = 'staff' | 'family';

export interface VisitFacts {
  visitedOn: string;
  staff: string[];
  familyPresent: string[];
  housing: string;
  assets: string;
  livingConditions: string;
  findings: string;
}

/** Names trimmed, blanks dropped, each once, in the order given. */
export const distinctNames = (names: string[]): string[] => [...new Set(names.map((n) => n.trim()).filter(Boolean))];

const oneLine = (s: string) => s.trim().replace(/\s+/g, ' ');

/** The canonical text one signer signs (one line per field). */
export function visitStatement(caseId: string, v: VisitFacts, signer: { role: VisitSignerRole; name: string }): string {
  return [
    `入户调查表 v${VISIT_STATEMENT_VERSION}`,
    `案件：${caseId}`,
    `调查日期：${v.visitedOn}`,
    `调查人员：${distinctNames(v.staff).join('、')}`,
    `在场家庭成员：${distinctNames(v.familyPresent).join('、')}`,
    `住房情况：${oneLine(v.housing)}`,
    `财产情况：${oneLine(v.assets)}`,
    `生活状况：${oneLine(v.livingConditions)}`,
    `调查结论：${oneLine(v.findings)}`,
    `签名人：${signer.name.trim()}（${signer.role === 'staff' ? '调查人员' : '家庭成员'}）`,
    signer.role === 'staff' ? '本人参加了此次入户调查，以上情况为调查所见。' : '以上情况属实。',
  ].join('\n');
}
