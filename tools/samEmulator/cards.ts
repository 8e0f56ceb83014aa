import { checkCharacter } from '../../common/idnumber/checksum';
import { NATIONS } from '../../common/idcard/nations';
import type { IdCard } from '../../common/idcard/card';
import { TextBlockWriter, ucs2le } from './textEncoding';

export type FixtureCardType = 'resident' | 'hkmotw' | 'foreigner2017' | 'foreigner2023';

/** A made-up card: what the chip holds, and what a correct driver must make of it. */
export interface FixtureCard {
  type: FixtureCardType;
  /** The 256-byte text block. */
  text: Uint8Array;
  /** 1024 bytes standing in for the WLT photo (random-looking; no real image). */
  wlt: Uint8Array;
  /** The 30 03 answer's text, when the card carries an appended address. */
  appendedAddress?: string;
  /** Two 512-byte templates for 30 10, or none. */
  fingerprint: Uint8Array;
  /** The 8-byte select answer that identifies this chip. */
  serial: Uint8Array;
  /** The card JSON a driver must produce, without photo and samId. */
  expected: Omit<IdCard, 'photo' | 'samId'>;
}

export interface FixtureOptions {
  /** Varies the person; the same seed always gives the same card. */
  seed?: number;
  appendedAddress?: string;
  validUntil?: 'long' | 'date';
  withFingerprint?: boolean;
}

/** Deterministic bytes from a seed (mulberry32). */
export function seededBytes(seed: number, n: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['测试', '样本', '示例', '演示', '模拟', '仿真'];
const REGIONS = [
  ['110101', '北京市东城区', '北京市公安局东城分局'],
  ['500110', '重庆市綦江区', '重庆市公安局綦江区分局'],
  ['440305', '广东省深圳市南山区', '深圳市公安局南山分局'],
  ['650102', '新疆乌鲁木齐市天山区', '乌鲁木齐市公安局天山区分局'],
] as const;
const NATION_CODES = Object.keys(NATIONS);

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** An 18-character number with a correct GB 11643 check character and a sequence digit matching the sex. */
export function makeIdNumber(region: string, birth: string, seq: number, male: boolean): string {
  const order = pad(seq % 100, 2) + String(((seq % 5) * 2 + (male ? 1 : 0)) % 10);
  const first17 = region + birth + order;
  return first17 + checkCharacter(first17);
}

function person(seed: number): { name: string; male: boolean; birth: string; seq: number } {
  const r = seededBytes(seed * 7919 + 13, 8);
  const year = 1940 + (r[0]! % 70);
  const month = 1 + (r[1]! % 12);
  const day = 1 + (r[2]! % 28);
  return {
    name: SURNAMES[r[3]! % SURNAMES.length]! + GIVEN[r[4]! % GIVEN.length]!,
    male: r[5]! % 2 === 0,
    birth: `${year}${pad(month, 2)}${pad(day, 2)}`,
    seq: r[6]!,
  };
}

const iso = (yyyymmdd: string): string => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

function chip(seed: number, options: FixtureOptions): Pick<FixtureCard, 'wlt' | 'fingerprint' | 'serial'> {
  return {
    wlt: seededBytes(seed * 31 + 1, 1024),
    fingerprint: options.withFingerprint ? seededBytes(seed * 37 + 2, 1024) : new Uint8Array(0),
    serial: seededBytes(seed * 41 + 3, 8),
  };
}

export function residentCard(options: FixtureOptions = {}): FixtureCard {
  const seed = options.seed ?? 1;
  const p = person(seed);
  const [region, place, authority] = REGIONS[seed % REGIONS.length]!;
  const idNumber = makeIdNumber(region, p.birth, p.seq, p.male);
  const nationCode = NATION_CODES[seed % NATION_CODES.length]!;
  const address = `${place}测试路${seed}号`;
  const validUntil = options.validUntil === 'long' ? '长期' : '20350101';
  const text = new TextBlockWriter()
    .put(0, 30, p.name)
    .put(30, 2, p.male ? '1' : '2')
    .put(32, 4, nationCode)
    .put(36, 16, p.birth)
    .put(52, 70, address)
    .put(122, 36, idNumber)
    .put(158, 30, authority)
    .put(188, 16, '20150101')
    .put(204, 16, validUntil).bytes;
  return {
    type: 'resident',
    text,
    ...chip(seed, options),
    ...(options.appendedAddress ? { appendedAddress: options.appendedAddress } : {}),
    expected: {
      cardType: 'resident',
      name: p.name,
      sex: p.male ? '男' : '女',
      nation: NATIONS[nationCode]!,
      nationCode,
      birthDate: iso(p.birth),
      address,
      idNumber,
      authority,
      validFrom: '2015-01-01',
      validUntil: validUntil === '长期' ? '长期' : '2035-01-01',
      ...(options.appendedAddress ? { appendedAddress: options.appendedAddress } : {}),
    },
  };
}

export function hkmotwCard(options: FixtureOptions = {}): FixtureCard {
  const seed = options.seed ?? 2;
  const p = person(seed);
  const region = ['810000', '820000', '830000'][seed % 3]!;
  const idNumber = makeIdNumber(region, p.birth, p.seq, p.male);
  const passNumber = `${region === '830000' ? '' : region === '810000' ? 'H' : 'M'}${pad(60000000 + seed, 8)}`;
  const address = `广东省深圳市福田区测试大道${seed}号`;
  const authority = '深圳市公安局福田分局';
  const text = new TextBlockWriter()
    .put(0, 30, p.name)
    .put(30, 2, p.male ? '1' : '2')
    .put(36, 16, p.birth)
    .put(52, 70, address)
    .put(122, 36, idNumber)
    .put(158, 30, authority)
    .put(188, 16, '20200301')
    .put(204, 16, '20250301')
    .put(220, 18, passNumber)
    .put(238, 4, '01')
    .put(248, 2, 'J').bytes;
  return {
    type: 'hkmotw',
    text,
    ...chip(seed, options),
    ...(options.appendedAddress ? { appendedAddress: options.appendedAddress } : {}),
    expected: {
      cardType: 'hkmotw',
      name: p.name,
      sex: p.male ? '男' : '女',
      birthDate: iso(p.birth),
      address,
      idNumber,
      authority,
      validFrom: '2020-03-01',
      validUntil: '2025-03-01',
      passNumber,
      issueCount: '01',
      ...(options.appendedAddress ? { appendedAddress: options.appendedAddress } : {}),
    },
  };
}

export function foreigner2017Card(options: FixtureOptions = {}): FixtureCard {
  const seed = options.seed ?? 3;
  const p = person(seed);
  const englishName = `SAMPLE, TESTPERSON NUMBER ${seed}`;
  const nationality = ['USA', 'DEU', 'JPN'][seed % 3]!;
  const cardNumber = `${nationality}${pad(110000000000 + seed, 12)}`;
  const text = new TextBlockWriter()
    .put(0, 120, englishName)
    .put(120, 2, p.male ? '1' : '2')
    .put(122, 30, cardNumber)
    .put(152, 6, nationality)
    .put(158, 30, `${p.name}`)
    .put(188, 16, '20170601')
    .put(204, 16, '20270601')
    .put(220, 16, p.birth)
    .put(236, 4, '01')
    .put(240, 8, '1100')
    .put(248, 2, 'I').bytes;
  return {
    type: 'foreigner2017',
    text,
    ...chip(seed, options),
    expected: {
      cardType: 'foreigner2017',
      name: p.name,
      englishName,
      sex: p.male ? '男' : '女',
      birthDate: iso(p.birth),
      idNumber: cardNumber,
      authority: '1100',
      validFrom: '2017-06-01',
      validUntil: '2027-06-01',
      nationality,
    },
  };
}

export function foreigner2023Card(options: FixtureOptions = {}): FixtureCard {
  const seed = options.seed ?? 4;
  const p = person(seed);
  // Longer than 35 characters, so it is split over both English-name fields.
  const englishName = `TESTPERSON-LONGFAMILYNAME, SAMPLE GIVENNAME ${seed}`;
  const nationality = ['CAN', 'FRA', 'KOR'][seed % 3]!;
  const first17 = `911156${p.birth}${pad(seed % 100, 2)}${p.male ? 1 : 0}`;
  const idNumber = first17 + checkCharacter(first17);
  const text = new TextBlockWriter()
    .put(0, 30, p.name)
    .put(30, 2, p.male ? '1' : '2')
    .put(32, 4, '00')
    .put(36, 16, p.birth)
    .put(52, 70, englishName.slice(0, 35))
    .put(122, 36, idNumber)
    .put(188, 16, '20231201')
    .put(204, 16, '20331201')
    .put(220, 22, englishName.slice(35))
    .put(242, 6, nationality)
    .put(248, 2, 'Y').bytes;
  return {
    type: 'foreigner2023',
    text,
    ...chip(seed, options),
    expected: {
      cardType: 'foreigner2023',
      name: p.name,
      englishName,
      sex: p.male ? '男' : '女',
      birthDate: iso(p.birth),
      idNumber,
      validFrom: '2023-12-01',
      validUntil: '2033-12-01',
      issueCount: '00',
      nationality,
    },
  };
}

export const CARD_MAKERS: Record<FixtureCardType, (options?: FixtureOptions) => FixtureCard> = {
  resident: residentCard,
  hkmotw: hkmotwCard,
  foreigner2017: foreigner2017Card,
  foreigner2023: foreigner2023Card,
};

/** The 30 03 answer for an appended address: 70 bytes of UCS-2LE. */
export function appendedAddressBytes(address: string): Uint8Array {
  return ucs2le(address, 70);
}
