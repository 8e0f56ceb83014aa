import type { CaseService } from '../../cases/caseService';
import { faceCapture, intakeSignature, signatureCapture } from '../../cases/testing/captures';
import { DIBAO_MATERIALS_RECEIVED, HUSBAND, threePersonDibao, WIFE } from '../../cases/testing/household';
import { loadLinkedBenefits } from '../benefits';
import { findResourcesDir } from '../../cases/resources';
import { AfterAcceptanceService } from '../service';
import type { AuditLog } from '../../kernel/audit/auditLog';
import type { Clock } from '../../kernel/store/types';
import { ADMIN, type TestStation } from '../../kernel/store/testing/fixtures';
import { createHash } from 'node:crypto';
import { makePng } from '../../documents/testing/png';
import type { VisitInput, VisitSignature } from '../../../../common/contract/methods/afterAcceptance/visits';
import { distinctNames, visitStatement, type VisitFacts, type VisitSignerRole } from '../../../../common/afterAcceptance/visitStatement';
import type { DocumentCapture } from '../../../../common/capture/schemas';

export const REDRESS = { reviewBody: '重庆市綦江区人民政府', court: '重庆市綦江区人民法院', reviewDays: 60, litigationMonths: 6 };

export function afterAcceptance(svc: CaseService, audit: AuditLog, clock: Clock): AfterAcceptanceService {
  return new AfterAcceptanceService({ cases: svc, audit, clock, benefits: loadLinkedBenefits(findResourcesDir()) });
}

/** A caseworker (经办人) on the station, as a station gives its warnings to one; returns the account id. */
export function caseworkerOn(t: TestStation, displayName = '刘经办'): string {
  const admin = t.auth.login(ADMIN.username, ADMIN.password);
  return t.accounts.create(admin, { username: 'liu.jingban', displayName, roles: ['caseworker'], password: 'Jingban-Pass-2026' }).id;
}

/** A three-person 低保 household, submitted, authorized and accepted (case version 2). */
export function acceptedCase(svc: CaseService, actor: string): string {
  const saved = svc.saveDraft(actor, { application: threePersonDibao({ materials: DIBAO_MATERIALS_RECEIVED }) });
  svc.submit(actor, saved.caseId, saved.rev);
  svc.authorize(actor, saved.caseId, HUSBAND.idNumber, intakeSignature(saved.caseId, HUSBAND), faceCapture());
  svc.authorize(actor, saved.caseId, WIFE.idNumber, intakeSignature(saved.caseId, WIFE), faceCapture());
  svc.decide(actor, saved.caseId, 1, { kind: 'accept' });
  return saved.caseId;
}

/** What the staff wrote down; `signedVisit` adds the signatures (bound to the case) and photos. */
export const VISIT: VisitFacts = {
  visitedOn: '2026-02-13',
  staff: ['王明', '刘芳'],
  familyPresent: ['张建国', '李秀英'],
  housing: '自有砖混房屋两间，约 60 平方米',
  assets: '无车辆，存款约三千元',
  livingConditions: '妻子长期患病，家庭开支以医药费为主',
  findings: '家庭人均收入低于当地低保标准，情况属实',
};

export const OPINION = {
  proposal: 'approve' as const,
  amountFen: 68000,
  reasons: ['家庭人均收入低于低保标准'],
  community: '桥头镇新街社区',
};

/** A wavy line on white whose shape depends on the name, like a signature. */
function penStroke(name: string): Buffer {
  const seed = [...name].reduce((n, c) => n + c.charCodeAt(0), 0) % 17;
  return makePng(360, 150, (x, y) => (Math.abs(y - (75 + 40 * Math.sin(x / (18 + seed)))) < 3 ? [20, 20, 60] : [255, 255, 255]));
}

/** A signature drawn by `name`, bound to the statement of this visit of this case, as the pad makes it. */
export function visitSignature(caseId: string, facts: VisitFacts, role: VisitSignerRole, name: string): VisitSignature {
  // A decodable pen stroke (the 入户调查表 draws it), different for each signer.
  const png = penStroke(name);
  const capture = {
    ...signatureCapture(name),
    png: { mime: 'image/png' as const, base64: png.toString('base64'), bytes: png.length, width: 360, height: 150 },
  };
  return {
    role,
    name,
    capture: {
      ...capture,
      documentHash: createHash('sha256')
        .update(visitStatement(caseId, facts, { role, name }))
        .digest('hex'),
      pngSha256: createHash('sha256').update(png).digest('hex'),
    },
  };
}

/** The visit with every staff member and family member present signed, and the given photos. */
export function signedVisit(caseId: string, facts: VisitFacts = VISIT, photos: DocumentCapture[] = []): VisitInput {
  const signatures = [
    ...distinctNames(facts.staff).map((n) => visitSignature(caseId, facts, 'staff', n)),
    ...distinctNames(facts.familyPresent).map((n) => visitSignature(caseId, facts, 'family', n)),
  ];
  return { ...facts, photos, signatures };
}
