import { describe, expect, it } from 'vitest';
import { compareWithFile } from './onFile';

const read = {
  card: {
    cardType: 'resident' as const,
    name: '王小明',
    sex: '男' as const,
    birthDate: '1980-01-01',
    idNumber: '500110198001010011',
    address: '重庆市万盛区新址路1号',
    validFrom: '2020-01-01',
    validUntil: '2040-01-01',
  },
  photo: { status: 'needs-decoder' as const, message: '照片需厂商解码库' },
  readAt: '2026-11-30T01:00:00.000Z',
};

describe('card against the person on file', () => {
  it('says when the station does not know the person', () => {
    expect(compareWithFile(read, null)).toEqual({ known: false, differences: [] });
  });
  it('lists each field that differs, with both values', () => {
    const stored = {
      idNumber: read.card.idNumber,
      name: '王小明',
      sex: '男',
      birthDate: '1980-01-01',
      address: '重庆市万盛区旧址路9号',
      cardValidUntil: '2030-01-01',
    };
    expect(compareWithFile(read, stored)).toEqual({
      known: true,
      differences: [
        { field: 'address', label: '住址', card: '重庆市万盛区新址路1号', stored: '重庆市万盛区旧址路9号' },
        { field: 'validUntil', label: '有效期限', card: '2040-01-01', stored: '2030-01-01' },
      ],
    });
  });
  it('prefers the appended address, which is the newer one', () => {
    const stored = {
      idNumber: read.card.idNumber,
      name: '王小明',
      sex: '男',
      birthDate: '1980-01-01',
      address: '新地址',
      cardValidUntil: null,
    };
    expect(compareWithFile({ ...read, card: { ...read.card, appendedAddress: '新地址' } }, stored).differences).toEqual([]);
  });
});
