import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplicationOnlineBodyInput } from '../../../../sync-protocol/records/index';
import { greyJpeg, signatureCapture } from '../../cases/testing/captures';
import { stripJpegMetadata } from '../../kernel/store/attachments/stripJpeg';
import { stripPngMetadata } from '../../kernel/store/attachments/stripPng';
import { CHILD, HUSBAND, WIFE } from '../../cases/testing/household';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * An online application as the mini-program files it (tests and demos): the three-person 低保
 * household of cases/testing, two pages of 户口簿 (small real JPEGs, without metadata) and the applicant's signature
 * (a real PNG). `write` puts application.json and the files in `dir` for `npm run platform -- apply`.
 */
export function onlineApplication(submittedAt: string) {
  // As the mini-program uploads them: image metadata already removed (the station's store keeps images without it, by the same hash).
  const pages = [stripJpegMetadata(greyJpeg(320, 240)), stripJpegMetadata(greyJpeg(336, 240))];
  const signature = stripPngMetadata(Buffer.from(signatureCapture(HUSBAND.name).png.base64, 'base64'));
  const body: ApplicationOnlineBodyInput = {
    submittedAt,
    source: 'miniProgram',
    type: 'dibao',
    subtype: 'urban',
    applicant: { ...HUSBAND, phone: '13812345678', address: '重庆市綦江区桥头镇新街12号', source: 'typed' },
    members: [
      { ...HUSBAND, relationship: 'self', phone: '13812345678' },
      { ...WIFE, relationship: 'spouse', seriousIllness: true },
      { ...CHILD, relationship: 'child', student: true },
    ],
    reasons: ['illness', 'low_income'],
    reasonText: '妻子患重病，医疗支出大',
    papers: pages.map((p, i) => ({ sha256: sha(p), contentType: 'image/jpeg' as const, size: p.length, material: 'hukou', page: i + 1 })),
    signatures: [
      { sha256: sha(signature), contentType: 'image/png', size: signature.length, idNumber: HUSBAND.idNumber, signedAt: submittedAt },
    ],
  };
  const files = [...pages, signature];
  return {
    body,
    files,
    write(dir: string): { file: string; blobs: string[] } {
      const file = join(dir, 'application.json');
      writeFileSync(file, JSON.stringify(body));
      const blobs = files.map((b, i) => {
        const path = join(dir, `blob-${i}.bin`);
        writeFileSync(path, b);
        return path;
      });
      return { file, blobs };
    },
  };
}
