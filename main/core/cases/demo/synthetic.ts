import { checkCharacter } from '../../../../common/idnumber/checksum';
import type { ApplicationInput } from '../../../../common/cases/application';
import { seededRandom } from '../../../../common/random/seeded';
import { CHONGQING_DISTRICTS } from './districts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢傅钟姜崔谭陆汪范廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文'.split(
    '',
  );
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏建华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳佳琳雪梅晨晓辉丹玲慧莉婷颖琴云倩芬燕荣兵志强'.split(
    '',
  );

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A valid 18-digit resident ID number for a region, birth date and sex (GB 11643 check digit). */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number, sex: '男' | '女'): string {
  const seq3 = (sequence % 500) * 2 + (sex === '男' ? 1 : 0);
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${pad(Math.min(seq3, 999), 3)}`;
  return first17 + checkCharacter(first17);
}

export function makeName(r: () => number): string {
  return pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.7 ? pick(r, GIVEN) : '');
}

function birth(r: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  return `${y}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
}

export interface SyntheticOptions {
  seed: number;
  /** Today (YYYY-MM-DD): ages are counted from it. */
  today: string;
  regionCode?: string;
  size?: number;
  type?: ApplicationInput['type'];
}

/**
 * A plausible household application: an applicant of working age or older, a spouse, children,
 * sometimes a parent; wages and transfer income around the local standard; a deposit; reasons.
 */
export function syntheticApplication(o: SyntheticOptions): ApplicationInput {
  const r = seededRandom(o.seed);
  const year = Number(o.today.slice(0, 4));
  const region = o.regionCode ?? pick(r, CHONGQING_DISTRICTS)[0];
  let seq = Math.floor(r() * 400);
  const size = o.size ?? 1 + Math.floor(r() * 4);
  const type = o.type ?? pick(r, ['dibao', 'dibao', 'dibao', 'tekun', 'marginal', 'temporary', 'rigid'] as const);
  const subtype =
    type === 'dibao'
      ? pick(r, ['urban', 'rural'] as const)
      : type === 'tekun'
        ? pick(r, ['centralized', 'dispersed'] as const)
        : type === 'temporary'
          ? pick(r, ['emergency', 'expense'] as const)
          : undefined;
  const applicantSex: '男' | '女' = r() < 0.5 ? '男' : '女';
  const applicantBirth = birth(r, year - 75, year - 30);
  const surname = '';
  const applicantName = makeName(r);
  const applicantId = makeIdNumber(region, applicantBirth, seq++, applicantSex);
  const phone = `1${pick(r, ['3', '5', '7', '8', '9'])}${pad(Math.floor(r() * 1e9), 9)}`;
  const members: NonNullable<ApplicationInput['members']> = [
    {
      idNumber: applicantId,
      name: applicantName,
      sex: applicantSex,
      birthDate: applicantBirth,
      relationship: 'self',
      phone,
      labourCapacity: r() < 0.3 ? 'partial' : 'full',
      employed: r() < 0.4,
    },
  ];
  if (size >= 2) {
    const sex: '男' | '女' = applicantSex === '男' ? '女' : '男';
    const b = `${Number(applicantBirth.slice(0, 4)) + Math.floor(r() * 5) - 2}${birth(r, 2000, 2000).slice(4)}`;
    members.push({
      idNumber: makeIdNumber(region, b, seq++, sex),
      name: makeName(r),
      sex,
      birthDate: b,
      relationship: 'spouse',
      seriousIllness: r() < 0.2,
    });
  }
  for (let i = 2; i < size; i++) {
    const sex: '男' | '女' = r() < 0.5 ? '男' : '女';
    const parentYear = Number(applicantBirth.slice(0, 4));
    const b = birth(r, Math.min(parentYear + 20, year - 1), Math.min(parentYear + 38, year - 1));
    const child = {
      idNumber: makeIdNumber(region, b, seq++, sex),
      name: surname + makeName(r),
      sex,
      birthDate: b,
      relationship: 'child' as const,
      student: r() < 0.5,
    };
    members.push(r() < 0.15 ? { ...child, disability: { type: 'physical' as const, grade: 2 } } : child);
  }
  const income: NonNullable<ApplicationInput['income']> = [];
  for (const m of members) {
    if (r() < 0.5) income.push({ memberIdNumber: m.idNumber, category: 'wages', monthlyFen: 30000 + Math.floor(r() * 150000) });
    if (r() < 0.2) income.push({ memberIdNumber: m.idNumber, category: 'transfer', monthlyFen: 10000 + Math.floor(r() * 30000) });
  }
  return {
    type,
    ...(subtype ? { subtype } : {}),
    channel: { kind: 'counter' },
    applicant: {
      idNumber: applicantId,
      name: applicantName,
      sex: applicantSex,
      birthDate: applicantBirth,
      phone,
      address: `重庆市${pick(r, CHONGQING_DISTRICTS)[1]}${pick(r, ['龙溪街道', '桥头镇', '城关镇', '双凤桥街道'])}${1 + Math.floor(r() * 200)}号`,
      cardValidUntil: '长期',
      source: 'card',
    },
    members,
    income,
    assets: r() < 0.6 ? [{ kind: 'deposit', valueFen: Math.floor(r() * 2_000_000) }] : [],
    reasons: [pick(r, ['low_income', 'illness', 'disability', 'old_age', 'unemployment'] as const)],
    reasonText: '',
  };
}
