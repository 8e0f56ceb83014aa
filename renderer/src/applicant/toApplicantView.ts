import type { Application } from '../../../common/cases/application';
import type { ApplicantIntakeView } from '../../../common/contract/methods/applicant';
import { maskIdNumberForScreen } from '../../../common/format/mask';

type ViewInput = Omit<ApplicantIntakeView, 'members' | 'askConfirm'> & Partial<Pick<ApplicantIntakeView, 'members' | 'askConfirm'>>;

/** Only the applicant-facing fields of the draft: their own record (the ID number masked, 5001**********1234) and their household's names. */
export function toApplicantView(app: Application, relationship: (code: string) => string): ViewInput | null {
  const a = app.applicant;
  if (!a) return null;
  const idNumber = maskIdNumberForScreen(a.idNumber);
  return {
    kind: 'intake',
    applicant: {
      name: a.name,
      ...(idNumber ? { idNumber } : {}),
      sex: a.sex,
      birthDate: a.birthDate,
      ...(a.phone ? { phone: a.phone } : {}),
      ...(a.address ? { address: a.address } : {}),
    },
    members: app.members
      .filter((m) => m.relationship !== 'self')
      .map((m) => ({ name: m.name, relationship: relationship(m.relationship) })),
    ...(app.type ? { type: app.type } : {}),
    ...(app.subtype ? { subtype: app.subtype } : {}),
    askConfirm: true,
  };
}
