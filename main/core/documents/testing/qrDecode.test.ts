import { describe, expect, it } from 'vitest';
import { qrSymbol } from '../certificate/qr';
import { decodeQrMatrix } from './qrDecode';

describe('the test QR decoder', () => {
  it('decodes symbols of several versions and segment mixes back to their text', () => {
    for (const text of ['JZC1|王*文|1234', 'HELLO WORLD 12345678901234', `JZC1|${'A1b-'.repeat(30)}|王*文|0123456789`, 'x']) {
      expect(decodeQrMatrix(qrSymbol(text).modules)).toBe(text);
    }
  });
});
