import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorizationStatement } from '../../common/capture/signatureBinding';
import { reviewStatementRef } from '../../common/contract/methods/afterAcceptance/reviews';
import { maskIdNumberForScreen, maskIdNumbersInText } from '../../common/format/mask';
import { clipText } from '../../renderer/src/applicant/signing/clipText';
import { statementForScreen, statementToSpeak } from '../../renderer/src/applicant/signing/statementText';

/** The applicant screen's statement: the canonical text laid out for reading, its ID masked; the shipped clip says the current wording. */
const SIGNER = { name: '李秀英', idNumber: '50011019820715002x', role: 'supporter' };
const roles = (r: string) => ({ member: '家庭成员', supporter: '赡养（抚养、扶养）义务人' })[r] ?? r;

describe('the statement on the applicant screen', () => {
  it('masks the ID number as 5001**********002X, everywhere in a text, and nothing shorter than a whole number', () => {
    expect(maskIdNumberForScreen('50011019820715002x')).toBe('5001**********002X');
    expect(maskIdNumberForScreen('5001101982')).toBeUndefined();
    expect(maskIdNumbersInText('甲 500110198207150026，乙 50011019820715002X。电话 13712345678')).toBe(
      '甲 5001**********0026，乙 5001**********002X。电话 13712345678',
    );
  });

  it('shows every line of the canonical statement but the version and the case reference, the role in words and the ID masked', () => {
    const statement = authorizationStatement(SIGNER, '申请 case_0007');
    const shown = statementForScreen(statement, roles);
    expect(shown.title).toBe('家庭经济状况核对授权书');
    expect(shown.fields).toEqual([
      { label: '授权人', value: '李秀英' },
      { label: '公民身份号码', value: '5001**********002X' },
      { label: '身份', value: '赡养（抚养、扶养）义务人' },
    ]);
    // The consent wording is exactly the canonical one.
    expect(shown.paragraphs).toEqual(statement.split('\n').slice(-2));
    expect(JSON.stringify(shown)).not.toContain('50011019820715002X');
    expect(JSON.stringify(shown)).not.toContain('case_0007');
    const spoken = statementToSpeak(shown);
    expect(spoken).toContain('授权人：李秀英');
    expect(spoken).not.toMatch(/\d{4}/);
  });

  it("says what the signature is for — the application, or the periodic review — without the review's reference", () => {
    expect(statementForScreen(authorizationStatement(SIGNER, '申请 case_0007'), roles).purpose).toBe('intake');
    const review = statementForScreen(authorizationStatement(SIGNER, reviewStatementRef('review_0042')), roles);
    expect(review.purpose).toBe('review');
    expect(review.fields.map((f) => f.label)).toEqual(['授权人', '公民身份号码', '身份']);
    expect(JSON.stringify(review)).not.toContain('review_0042');
  });

  it('the shipped clip was recorded from the current wording (scripts/makeAuthorizationClip.ts)', () => {
    const meta = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/audio/authorization-zh.json'), 'utf8')) as {
      textSha256: string;
      bytes: number;
    };
    expect(createHash('sha256').update(clipText()).digest('hex')).toBe(meta.textSha256);
    const clip = readFileSync(join(import.meta.dirname, '../../resources/audio/authorization-zh.ogg'));
    expect(clip.length).toBe(meta.bytes);
    expect(clip.subarray(0, 4).toString('latin1')).toBe('OggS');
    expect(clip.includes(Buffer.from('OpusHead'))).toBe(true);
    expect(clipText()).toContain('本人自愿授权民政部门');
  });
});
