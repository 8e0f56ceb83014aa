/** What other features use of the applicant screen: its control in the intake, the one signing view and its look (for the counter without a second screen). */
export { ApplicantScreenControl } from './ApplicantScreenControl';
export { ApplicantTheme } from './ApplicantTheme';
export { RatingScreenControl } from './rating/RatingScreenControl';
export { ScreenBar } from './ScreenBar';
export { SigningView, type SigningRequest } from './signing/SigningView';
export { useTextSize } from './textSize';
