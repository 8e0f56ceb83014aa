/** What other features use of the applicant screen: its controls, the one signing view and its look, and the clerk's side of every signing (status list, where the signer signs, 信息有误). */
export { ApplicantReports } from './ApplicantReports';
export { ApplicantScreenControl } from './ApplicantScreenControl';
export { ApplicantTheme } from './ApplicantTheme';
export { RatingScreenControl } from './rating/RatingScreenControl';
export { ScreenBar } from './ScreenBar';
export { ScreenPairButton } from './ScreenPairButton';
export { SignerStatusList, type ListedSigner } from './SignerStatusList';
export { signerStatusOf, nextSigner, type SignerStatus } from './signerStatus';
export { SigningRoute } from './SigningRoute';
export { SigningView, type SigningRequest } from './signing/SigningView';
export { useTextSize } from './textSize';
