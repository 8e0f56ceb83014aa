import type { MethodOutput } from '../../../../common/contract/index';
import type { StoredPerson } from '../../cases/personRepo';

type CardRead = MethodOutput<'idcard.read'>;
export type OnFile = NonNullable<CardRead['onFile']>;

const FIELDS: Array<{
  field: 'name' | 'sex' | 'birthDate' | 'address' | 'validUntil';
  label: string;
  stored: (p: StoredPerson) => string | null;
}> = [
  { field: 'name', label: '姓名', stored: (p) => p.name },
  { field: 'sex', label: '性别', stored: (p) => p.sex },
  { field: 'birthDate', label: '出生日期', stored: (p) => p.birthDate },
  { field: 'address', label: '住址', stored: (p) => p.address },
  { field: 'validUntil', label: '有效期限', stored: (p) => p.cardValidUntil },
];

/** What the card says against what the station has on file for the same ID number. */
export function compareWithFile(read: CardRead, person: StoredPerson | null): OnFile {
  if (!person) return { known: false, differences: [] };
  const card = read.card;
  const differences = FIELDS.flatMap(({ field, label, stored }) => {
    const onCard = (field === 'address' ? (card.appendedAddress ?? card.address) : card[field]) ?? null;
    const onFile = stored(person);
    return onCard !== null && onFile !== null && onCard !== onFile ? [{ field, label, card: onCard, stored: onFile }] : [];
  });
  return { known: true, differences };
}
