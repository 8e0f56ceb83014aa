import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../common/contract/index';
import { signerStatusOf } from '../../renderer/src/applicant/signerStatus';
import { nextSigner, signerStatus } from '../../renderer/src/intake/authorization/signerStatus';

type Detail = MethodOutput<'cases.get'>;
const signer = (idNumber: string, signed: boolean): Detail['requiredSigners'][number] => ({
  idNumber,
  name: '张三',
  role: 'member',
  signed,
});
const auth = (verdict: 'pass' | 'review' | null) =>
  ({
    signerIdNumber: '1',
    face: verdict
      ? {
          verdict,
          claimedVerdict: verdict,
          sha256: 'a',
          width: 640,
          height: 480,
          cardPhoto: 'unavailable',
          cardMatchScore: null,
          cardPhotoSha256: null,
        }
      : null,
  }) as unknown as Detail['authorizations'][number];

describe("the clerk's view of the signers", () => {
  it('等待签字 until signed; 已签; 人脸待复核 when core judged the face for review', () => {
    expect(signerStatus(signer('1', false), undefined)).toBe('waiting');
    expect(signerStatus(signer('1', true), auth('pass'))).toBe('signed');
    expect(signerStatus(signer('1', true), auth(null))).toBe('signed');
    expect(signerStatus(signer('1', true), auth('review'))).toBe('faceReview');
  });

  it("the review's signers stand the same way, from reviews.get's signed and face verdict", () => {
    expect(signerStatusOf(false, null)).toBe('waiting');
    expect(signerStatusOf(true, null)).toBe('signed');
    expect(signerStatusOf(true, 'pass')).toBe('signed');
    expect(signerStatusOf(true, 'review')).toBe('faceReview');
  });

  it('the next signer is the first still waiting, and none while one is signing', () => {
    const list = [signer('1', true), signer('2', false), signer('3', false)];
    expect(nextSigner(list, null)?.idNumber).toBe('2');
    expect(nextSigner(list, '2')).toBeUndefined();
    expect(nextSigner([signer('1', true)], null)).toBeUndefined();
  });
});
