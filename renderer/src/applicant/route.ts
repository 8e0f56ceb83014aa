import { getBridge } from '../api/bridge';

/**
 * Is this page the applicant screen (#/applicant)? Asked before the app renders, after the bridge
 * has taken the browser shell's token from the fragment (which may carry the pairing code).
 */
export function isApplicantScreen(): boolean {
  getBridge();
  return window.location.hash.startsWith('#/applicant');
}

/** The pairing code the page was opened with (then dropped from the address bar). */
export function takePairingCode(): string | null {
  const match = window.location.hash.match(/^#\/applicant\?code=([A-Z2-9]{8})$/);
  if (match) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/applicant`);
  return match?.[1] ?? null;
}
