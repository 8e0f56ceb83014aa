/**
 * Byte offsets of the 256-byte text block (UCS-2LE, two bytes a character) for each card type.
 * Each entry is [offset, bytes]. The type flag sits at 248 in every layout; a resident card leaves it blank.
 */
export type Span = readonly [offset: number, bytes: number];

export const TEXT_BLOCK_BYTES = 256;
export const TYPE_FLAG: Span = [248, 2];

export const RESIDENT = {
  name: [0, 30],
  sex: [30, 2],
  nation: [32, 4],
  birthDate: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  authority: [158, 30],
  validFrom: [188, 16],
  validUntil: [204, 16],
} as const satisfies Record<string, Span>;

/** 'J' 港澳台居民居住证: the resident layout (nation unused), then pass number and issue count. */
export const HKMOTW = {
  ...RESIDENT,
  passNumber: [220, 18],
  issueCount: [238, 4],
} as const satisfies Record<string, Span>;

/** 'I' 外国人永久居留身份证, 2017. */
export const FOREIGNER_2017 = {
  englishName: [0, 120],
  sex: [120, 2],
  cardNumber: [122, 30],
  nationality: [152, 6],
  name: [158, 30],
  validFrom: [188, 16],
  validUntil: [204, 16],
  birthDate: [220, 16],
  version: [236, 4],
  authorityCode: [240, 8],
} as const satisfies Record<string, Span>;

/** 'Y' 外国人永久居留身份证, 2023: the English name is split in two parts around the dates. */
export const FOREIGNER_2023 = {
  name: [0, 30],
  sex: [30, 2],
  issueCount: [32, 4],
  birthDate: [36, 16],
  englishName1: [52, 70],
  idNumber: [122, 36],
  validFrom: [188, 16],
  validUntil: [204, 16],
  englishName2: [220, 22],
  nationality: [242, 6],
  oldNumberLink: [250, 6],
} as const satisfies Record<string, Span>;
