import { applicantScreenUrl } from '../api/browserBridge';

/**
 * Open the applicant screen with a one-time pairing code. In Electron the main process catches
 * this window.open and opens its own window on the second display (main/electron/applicantWindow.ts);
 * in the browser shell a new window of the same origin takes the token from its fragment, like the
 * first one did — noopener, so neither window can script the other.
 */
export function openApplicantScreen(code: string): void {
  const url = window.jiuzhu
    ? `${window.location.origin}${window.location.pathname}#/applicant?code=${code}`
    : applicantScreenUrl(window.location, window.sessionStorage, code);
  window.open(url, '_blank', 'noopener,noreferrer');
}
