import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './mask';

describe('masking', () => {
  it('masks ID numbers as 500110********1234', () => {
    expect(maskIdNumber('500110199001011234')).toBe('500110********1234');
    expect(maskIdNumber('50011019900101123x')).toBe('500110********123X');
    expect(maskIdNumber('500110900101123')).toBe('500110******123');
  });

  it('masks names by county policy', () => {
    expect(maskName('王小文')).toBe('王*文');
    expect(maskName('王文')).toBe('王*');
    expect(maskName('欧阳小华')).toBe('欧**华');
    expect(maskName('王小文', 'surname-only')).toBe('王**');
    expect(maskName('王小文', 'none')).toBe('王小文');
    expect(maskName('王')).toBe('王');
    // A rare character outside the BMP counts as one character.
    expect(maskName('𪚥小明')).toBe('𪚥*明');
  });

  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('023-67891234')).toBe('023-6*****34');
  });

  it('masks addresses below the village or community', () => {
    expect(maskAddress('重庆市渝北区龙溪街道松石北路128号3栋2-1')).toBe('重庆市渝北区龙溪街道****');
    expect(maskAddress('四川省广安市岳池县九龙镇白庙村3组15号')).toBe('四川省广安市岳池县九龙镇****');
    expect(maskAddress('某地某处很长的地址没有行政词')).toBe('某地某处很长的地址****');
  });
});
