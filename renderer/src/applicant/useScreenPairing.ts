import { useState } from 'react';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';
import { openApplicantScreen } from './openScreen';

/**
 * Whether this window's applicant screen is paired (null until core says), and `open` to open and pair
 * one: a pairing made on another page holds on every page, so each control learns it from core's events.
 */
export function useScreenPairing() {
  const [paired, setPaired] = useState<boolean | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useCoreEvent('applicant.reply', (r) => {
    if (r.kind === 'paired') setPaired(true);
    else if (r.kind === 'unpaired') setPaired(false);
  });
  const open = () =>
    call('applicant.open', {}).then(
      (r) => {
        setCode(r.code);
        setError(null);
        openApplicantScreen(r.code);
      },
      (e: Error) => setError(e.message),
    );
  return { paired, code, error, open, clearError: () => setError(null), pairedAttr: paired === null ? 'unknown' : paired ? 'yes' : 'no' };
}
