/** Sample data for every document kind, shared by tests, the benchmark and sample output. */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentKind } from '../../../../common/documents/index';
import { loadDocumentFonts, type DocumentFonts } from '../fonts';
import { facePng, signaturePng } from './png';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FONTS_DIR = join(root, 'resources', 'fonts');

/** Copy the fonts into resources/fonts (the build's own script; a no-op when present) and load them. */
export function testFonts(): DocumentFonts {
  execFileSync(process.execPath, [join(root, 'scripts', 'copyFonts.js')], { stdio: 'pipe' });
  return loadDocumentFonts(FONTS_DIR);
}

export const testKeys = () => generateKeyPairSync('ed25519');

export const station = {
  headerLines: ['重庆市渝北区龙溪街道办事处'],
  issuer: '重庆市渝北区龙溪街道办事处',
  address: '重庆市渝北区龙溪街道松石北路88号便民服务中心',
  phone: '023-67891234',
  dateStyle: 'han' as const,
};

export const redress = { reviewBody: '重庆市渝北区人民政府', court: '重庆市渝北区人民法院' };

export const applicant = {
  name: '王小文',
  idNumber: '500112199001011234',
  phone: '13812345678',
  address: '重庆市渝北区龙溪街道松石北路128号3栋2-1',
};

export const SAMPLES: Record<DocumentKind, Record<string, unknown>> = {
  authorization: {
    station,
    issuedOn: '2026-11-29',
    caseNo: 'LX-2026-0012',
    category: 'dibao-urban',
    applicantName: applicant.name,
    signer: { name: '李秀英', idNumber: '500112199203154321' },
    relation: '配偶',
    signaturePng: signaturePng(),
    facePhoto: facePng(),
    signedAt: '2026-11-29T09:05',
  },
  acceptance: {
    station,
    docNo: '龙溪救受〔2026〕12号',
    issuedOn: '2026-11-29',
    caseNo: 'LX-2026-0012',
    applicant,
    category: 'dibao-urban',
    receivedOn: '2026-11-27',
    acceptedOn: '2026-11-29',
    materials: ['最低生活保障申请书', '家庭成员身份证、户口簿复印件', '家庭经济状况核对授权书（2份）', '残疾人证复印件'],
  },
  supplement: {
    station,
    issuedOn: '2026-11-29',
    caseNo: 'LX-2026-0013',
    applicant,
    category: 'dibao-rural',
    receivedOn: '2026-11-28',
    dueBy: '2026-12-13',
    missing: [
      { item: '配偶李秀英的家庭经济状况核对授权书', note: '须本人签字' },
      { item: '长子王强的在校证明', note: '由就读学校出具' },
      { item: '近6个月的医疗费用票据' },
    ],
  },
  rejection: {
    station,
    issuedOn: '2026-11-29',
    caseNo: 'LX-2026-0014',
    applicant,
    category: 'dibao-urban',
    receivedOn: '2026-11-29',
    reasons: ['申请人户籍不在本街道，应向户籍所在地乡镇人民政府（街道办事处）提出申请'],
    legalBasis: ['《最低生活保障审核确认办法》第四条'],
    redress,
  },
  'visit-form': {
    station,
    issuedOn: '2026-12-02',
    caseNo: 'LX-2026-0012',
    category: 'dibao-urban',
    applicant,
    visitedOn: '2026-12-02',
    investigators: ['张建国', '刘芳'],
    members: [
      {
        name: '王小文',
        relation: '本人',
        idNumber: '500112199001011234',
        health: '慢性病',
        occupation: '灵活就业',
        monthlyIncomeFen: 120000,
      },
      { name: '李秀英', relation: '配偶', idNumber: '500112199203154321', health: '残疾二级', occupation: '无业', monthlyIncomeFen: 0 },
      { name: '王强', relation: '长子', idNumber: '500112201505052345', health: '健康', occupation: '在校学生', monthlyIncomeFen: 0 },
    ],
    housing: '自有住房一套，建筑面积62平方米，砖混结构，房屋老旧',
    assets: '无机动车；银行存款约3000元；无其他大额财产',
    livingConditions: '家中主要收入来源为申请人零工收入，配偶长期服药，子女就读小学，生活困难。',
    findings: '经入户调查，家庭成员、收入与申报情况基本一致，建议进入信息核对程序。',
  },
  publicity: {
    station,
    issuedOn: '2026-12-10',
    stage: 'initial',
    category: 'dibao-urban',
    community: '松石社区',
    from: '2026-12-10',
    to: '2026-12-16',
    rows: [
      { name: '王小文', householdSize: 3, amountFen: 120050 },
      { name: '赵大海', householdSize: 1, amountFen: 78000 },
      { name: '欧阳春华', householdSize: 4, amountFen: 156000 },
    ],
  },
  'publicity-list': {
    station,
    issuedOn: '2026-12-10',
    stage: 'initial',
    community: '松石社区',
    from: '2026-12-01',
    to: '2026-12-16',
    sections: [
      {
        category: 'dibao-urban',
        rows: [
          { name: '王小文', householdSize: 3, amountFen: 120050 },
          { name: '欧阳春华', householdSize: 4, amountFen: 156000 },
        ],
      },
      { category: 'tekun-dispersed', rows: [{ name: '赵大海', householdSize: 1, amountFen: 98000 }] },
    ],
  },
  'opinion-notice': {
    station,
    issuedOn: '2026-12-08',
    caseNo: 'LX-2026-0012',
    applicant,
    category: 'dibao-urban',
    acceptedOn: '2026-11-29',
    givenOn: '2026-12-08',
    reasons: ['家庭人均收入高于当地低保标准', '家庭拥有机动车辆一辆'],
  },
  approval: {
    station,
    issuedOn: '2026-12-20',
    caseNo: 'LX-2026-0012',
    applicant,
    category: 'dibao-urban',
    householdSize: 3,
    monthlyAmountFen: 120050,
    startMonth: '2027-01',
    decidedOn: '2026-12-20',
    nextReviewOn: '2027-06-30',
    legalBasis: ['《最低生活保障审核确认办法》第二十一条'],
  },
  refusal: {
    station,
    issuedOn: '2026-12-20',
    caseNo: 'LX-2026-0015',
    applicant,
    category: 'dibao-urban',
    acceptedOn: '2026-11-29',
    decidedOn: '2026-12-20',
    reasons: ['家庭人均月收入1,850.00元，高于本地城市低保标准', '家庭成员名下有非生活必需的机动车一辆'],
    legalBasis: ['《最低生活保障审核确认办法》第十三条', '《最低生活保障审核确认办法》第二十一条'],
    redress,
  },
  certificate: {
    station,
    issuedOn: '2026-12-21',
    certificateId: 'JZ500112-2026-000123',
    holder: applicant,
    headOfHousehold: '王小文',
    householdSize: 3,
    category: 'dibao-urban',
    monthlyAmountFen: 120050,
    since: '2027-01',
    nextReviewOn: '2027-06-30',
    validUntil: '2027-06-30',
    issuerId: '500112001',
    purpose: '办理水电气费用减免',
  },
  termination: {
    station,
    issuedOn: '2027-08-05',
    caseNo: 'LX-2026-0012',
    applicant,
    category: 'dibao-urban',
    action: 'adjust',
    previousAmountFen: 120050,
    newAmountFen: 80000,
    effectiveMonth: '2027-09',
    decidedOn: '2027-08-05',
    reasons: ['配偶李秀英于2027年7月实现稳定就业，家庭人均收入提高'],
    legalBasis: ['《最低生活保障审核确认办法》第三十二条'],
    redress,
  },
  'phase-out': {
    station,
    issuedOn: '2027-12-01',
    caseNo: 'LX-2026-0012',
    applicant,
    category: 'dibao-urban',
    previousAmountFen: 120050,
    amountFen: 60000,
    months: 3,
    startMonth: '2028-01',
    endMonth: '2028-03',
    decidedOn: '2027-12-01',
    reasons: ['经复核，家庭人均收入已超过当地低保标准'],
    legalBasis: ['《最低生活保障审核确认办法》第三十一条'],
    redress,
  },
  'relief-approval': {
    station,
    issuedOn: '2027-02-20',
    caseNo: 'LX-2027-0031',
    applicant,
    category: 'temporary-emergency',
    householdSize: 3,
    amountFen: 150000,
    form: 'in_kind',
    inKind: '大米50斤、棉被2床',
    payments: 2,
    advance: { amountFen: 80000, form: 'cash', paidOn: '2027-02-03' },
    decidedOn: '2027-02-20',
    legalBasis: ['《社会救助暂行办法》第四十七条', '《社会救助暂行办法》第四十九条'],
  },
  'monitoring-approval': {
    station,
    issuedOn: '2027-02-20',
    caseNo: 'LX-2027-0032',
    applicant,
    category: 'marginal',
    householdSize: 3,
    decidedOn: '2027-02-20',
    nextReviewOn: '2028-03-01',
    legalBasis: ['《社会救助暂行办法》第十一条'],
  },
};
