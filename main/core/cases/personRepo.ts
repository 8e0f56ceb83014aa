import type { Db } from '../kernel/store/types';

export interface StoredPerson {
  idNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  address: string | null;
  cardValidUntil: string | null;
}

/** The person as last recorded at this station (from a card read or typed at intake), or null. */
export function findPerson(db: Db, idNumber: string): StoredPerson | null {
  const row = db
    .prepare('SELECT id_number, name, sex, birth_date, address, card_valid_until FROM person WHERE id_number = ?')
    .get(idNumber) as
    | { id_number: string; name: string; sex: string; birth_date: string; address: string | null; card_valid_until: string | null }
    | undefined;
  return row
    ? {
        idNumber: row.id_number,
        name: row.name,
        sex: row.sex,
        birthDate: row.birth_date,
        address: row.address,
        cardValidUntil: row.card_valid_until,
      }
    : null;
}
