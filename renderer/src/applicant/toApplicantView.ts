import type { Application } from '../../../common/cases/application';
import type { ApplicantIntakeView } from '../../../common/contract/methods/applicant';

type ViewInput = Omit<ApplicantIntakeView, 'members' | 'askSignature' | 'askConfirm'> & Partial<Pick<ApplicantIntakeView, 'members' | 'askSignature' | 'askConfirm'>>;

/** Only the applicant-facing fields of the draft: their own record and their household's names. */
export function toApplicantView(app: Application, relationship: (code: string) => string, ask: { signature: boolean; statement?: string | undefined }): ViewInput | null {
  const a = app.applicant;
  if (!a) return null;
  return {
    kind: 'intake',
    applicant: { name: a.name, idNumber: a.idNumber, sex: a.sex, birthDate: a.birthDate, ...(a.phone ? { phone: a.phone } : {}), ...(a.address ? { address: a.address } : {}) },
    members: app.members.filter((m) => m.relationship !== 'self').map((m) => ({ name: m.name, relationship: relationship(m.relationship) })),
    ...(app.type ? { type: app.type } : {}),
    ...(app.subtype ? { subtype: app.subtype } : {}),
    askSignature: ask.signature,
    ...(ask.signature && ask.statement ? { statement: ask.statement } : {}),
    askConfirm: true,
  };
}
