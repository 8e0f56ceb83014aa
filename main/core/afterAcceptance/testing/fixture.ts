import type { CaseService } from '../../cases/caseService';
import { faceCapture, signatureCapture } from '../../cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../cases/testing/household';
import { loadLinkedBenefits } from '../benefits';
import { findResourcesDir } from '../../cases/resources';
import { AfterAcceptanceService } from '../service';
import type { AuditLog } from '../../audit/audit-log';
import type { Clock } from '../../store/types';
import type { VisitInput } from '../../../../common/contract/methods/visits';

export const REDRESS = { reviewBody: '重庆市綦江区人民政府', court: '重庆市綦江区人民法院', reviewDays: 60, litigationMonths: 6 };

export function afterAcceptance(svc: CaseService, audit: AuditLog, clock: Clock): AfterAcceptanceService {
  return new AfterAcceptanceService({ cases: svc, audit, clock, benefits: loadLinkedBenefits(findResourcesDir()) });
}

/** A three-person 低保 household, submitted, authorized and accepted (case version 2). */
export function acceptedCase(svc: CaseService, actor: string): string {
  const saved = svc.saveDraft(actor, { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) });
  svc.submit(actor, saved.caseId, saved.rev);
  svc.authorize(actor, saved.caseId, HUSBAND.idNumber, signatureCapture(), faceCapture());
  svc.authorize(actor, saved.caseId, WIFE.idNumber, signatureCapture(), faceCapture());
  svc.decide(actor, saved.caseId, 1, { kind: 'accept' });
  return saved.caseId;
}

export const VISIT: VisitInput = {
  visitedOn: '2026-02-13',
  staff: ['王明', '刘芳'],
  familyPresent: ['张建国', '李秀英'],
  housing: '自有砖混房屋两间，约 60 平方米',
  assets: '无车辆，存款约三千元',
  livingConditions: '妻子长期患病，家庭开支以医药费为主',
  findings: '家庭人均收入低于当地低保标准，情况属实',
};

export const OPINION = { proposal: 'approve' as const, amountFen: 68000, reasons: ['家庭人均收入低于低保标准'], community: '桥头镇新街社区' };
