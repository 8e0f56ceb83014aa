/** What other features use of intake: amending an accepted case (late material, re-signed authorizations) and the ID card photo as a face reference. */
export { CaseAuthorizations } from './amend/CaseAuthorizations';
export { LateMaterial } from './amend/LateMaterial';
export { timelineNote } from './amend/timelineNote';
export { cardReference } from './authorization/cardPhoto';
