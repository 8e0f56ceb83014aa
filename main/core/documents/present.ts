/**
 * What a copy shows: the applicant's own copy prints full data; a public (third-party) copy masks
 * names by the county's policy, ID numbers, phones and addresses. Dates follow the county's style.
 */
import { formatChineseDate, chineseMonth } from '../../../common/format/chineseDateHan';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../common/format/mask';
import type { CopyKind, Station } from '../../../common/documents/common';

export interface Presenter {
  isPublic: boolean;
  name(name: string): string;
  id(idNumber: string): string;
  phone(phone: string): string;
  address(address: string): string;
  date(iso: string): string;
  month(isoMonth: string): string;
}

export function presenter(copy: CopyKind, station: Station): Presenter {
  const isPublic = copy === 'public';
  return {
    isPublic,
    name: (n) => (isPublic ? maskName(n, station.nameMask) : n),
    id: (id) => (isPublic ? maskIdNumber(id) : id),
    phone: (p) => (isPublic ? maskPhone(p) : p),
    address: (a) => (isPublic ? maskAddress(a) : a),
    date: (iso) => formatChineseDate(iso, station.dateStyle),
    month: (m) => chineseMonth(m, station.dateStyle),
  };
}
