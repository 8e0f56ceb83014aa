import { JiuzhuError } from '../../../../common/contract/errors';
import { PROVINCE_PREFIXES } from '../../../../common/idnumber/provinces';

/** A GB/T 2260 administrative division code: 6 digits whose first two name a province. */
export function assertRegionCode(code: string): string {
  const c = code.trim();
  if (!/^\d{6}$/.test(c) || !(c.slice(0, 2) in PROVINCE_PREFIXES)) {
    throw new JiuzhuError('STORE_BAD_REGION_CODE', { code: c.slice(0, 20) });
  }
  return c;
}
