/**
 * The county reference data in force (standards, materials checklist, policy texts: the platform's
 * published versions over the station's settings), for the features outside the case work that show
 * them (the applicant screen). cases/reference/ holds how they are pulled, kept and chosen.
 */
export { checklistWithPublished, policyNoticesWithPublished, standardsWithPublished } from './reference/inForce';
