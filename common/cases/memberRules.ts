import { ageOn } from './age';
import type { Member, Relationship } from './household';

/**
 * Age and relationship rules of a household member, shared by the intake screen (defaults, the
 * refusal on the field) and `checkApplication` (core's refusal on submit).
 */

/** The legal age of marriage (Civil Code Art. 1047): men 22, women 20. A spouse younger than this cannot be married under Chinese law. */
export const LEGAL_MARRIAGE_AGE = { 男: 22, 女: 20 } as const;

/** Under this age a person has no labour capacity (特困: <16; labour law: no employment under 16). */
export const LABOUR_AGE_FROM = 16;
/** From this age a person counts as without labour capacity (特困: ≥60). */
export const LABOUR_AGE_UNTIL = 60;

/** The labour capacity a member of this age starts with; the clerk changes it when the person says otherwise. */
export function labourCapacityByAge(age: number): Member['labourCapacity'] {
  return age < LABOUR_AGE_FROM || age >= LABOUR_AGE_UNTIL ? 'none' : 'full';
}

export const underMarriageAge = (person: { birthDate: string; sex: '男' | '女' }, today: string): boolean =>
  ageOn(person.birthDate, today) < LEGAL_MARRIAGE_AGE[person.sex];

/** Twelve years is the least believable gap between a parent and a child (the CHILD_TOO_OLD / PARENT_TOO_YOUNG rule). */
export const GENERATION_GAP_YEARS = 12;

export function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

/**
 * The relationship a new member starts with, from the ages: 配偶 only when there is none yet and
 * both are of marriage age; 子女 / 父母 when a generation apart; otherwise none (the clerk chooses).
 */
export function relationshipByAge(
  person: { birthDate: string; sex: '男' | '女' },
  self: { birthDate: string; sex: '男' | '女' } | undefined,
  members: ReadonlyArray<Pick<Member, 'relationship'>>,
  today: string,
): Relationship | undefined {
  if (!self) return undefined;
  if (person.birthDate >= addYears(self.birthDate, GENERATION_GAP_YEARS)) return 'child';
  if (person.birthDate <= addYears(self.birthDate, -GENERATION_GAP_YEARS)) return 'parent';
  const hasSpouse = members.some((m) => m.relationship === 'spouse');
  if (!hasSpouse && person.sex !== self.sex && !underMarriageAge(person, today) && !underMarriageAge(self, today)) return 'spouse';
  return undefined;
}

export type SpouseProblem = 'TWO_SPOUSES' | 'SPOUSE_UNDER_AGE';

/**
 * Why `person` cannot be recorded as 配偶 of the applicant (`self`) in a household that already
 * has `others`: a second spouse, or either of the two under the legal marriage age.
 */
export function spouseProblem(
  person: { birthDate: string; sex: '男' | '女' },
  self: { birthDate: string; sex: '男' | '女' } | undefined,
  others: ReadonlyArray<Pick<Member, 'relationship'>>,
  today: string,
): SpouseProblem | null {
  if (others.some((m) => m.relationship === 'spouse')) return 'TWO_SPOUSES';
  if (underMarriageAge(person, today) || (self && underMarriageAge(self, today))) return 'SPOUSE_UNDER_AGE';
  return null;
}
