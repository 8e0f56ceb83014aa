import type { Application, ApplicationInput } from '../cases/application';

/** What the applicant filed online that the intake holds too (the `application.online` body's household part). */
export type FiledHousehold = Pick<Application, 'subtype' | 'applicant' | 'reasons' | 'reasonText'> &
  Required<Pick<Application, 'type'>> & { members: Application['members'] };

/**
 * The intake draft an online application starts: the applicant, the members, the type and the
 * reasons as filed, the channel `online` with the platform's id and the day it was submitted (China
 * time; the acceptance deadline counts from it). What the counter adds — the card read, the face,
 * the papers, income and assets — the clerk completes in the intake as for any application.
 */
export function prefillFromOnline(id: string, submittedOn: string, body: FiledHousehold): ApplicationInput {
  return {
    type: body.type,
    ...(body.subtype ? { subtype: body.subtype } : {}),
    channel: { kind: 'online', reference: id, submittedOn },
    applicant: body.applicant,
    members: body.members,
    reasons: body.reasons,
    reasonText: body.reasonText,
  };
}
