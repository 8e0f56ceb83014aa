import { Alert, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../common/contract/methods/applicant';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';
import { IdleNotices } from './IdleNotices';
import { IntakeView } from './IntakeView';
import { ReportPanel } from './ReportPanel';
import { takePairingCode } from './route';
import { ScreenBar } from './ScreenBar';
import { SigningView } from './signing/SigningView';
import { RatingView } from './rating/RatingView';
import type { TextSize } from './textSize';

/** Personal data never outlives this on screen without the applicant touching it, even if the clerk's window goes away without a word. */
const PERSONAL_TTL_MS = 15 * 60_000;

type Personal = Exclude<ApplicantView, { kind: 'idle' }>;
/** `held`: a personal view put aside (hidden, still mounted with the applicant's work) while the clerk's session is locked. */
type State =
  { phase: 'pairing' } | { phase: 'unpaired'; error?: string } | { phase: 'showing'; view: ApplicantView; held: Personal | null };

/** One renderer per view kind: a new kind (a rating, …) is one more entry, and the compiler asks for it. */
const VIEWS: { [K in ApplicantView['kind']]: (view: Extract<ApplicantView, { kind: K }>) => ReactNode } = {
  idle: (view) => <IdleNotices view={view} />,
  intake: (view) => <IntakeView view={view} />,
  signing: (view) => (
    // Handed to the clerk's window, which saves it (and may be refused): the signer waits for the clerk's word.
    <SigningView
      request={view}
      handedOn
      onSigned={(signature, face) => call('applicant.sign', { viewId: view.viewId, signature, face }).then(() => undefined)}
    />
  ),
  rating: (view) => <RatingView view={view} />,
};
const render = (view: ApplicantView): ReactNode => (VIEWS[view.kind] as (v: ApplicantView) => ReactNode)(view);

/** What the paired window shows: the policy notices between applicants, the applicant's own record, or one signer's 授权书. */
export function ApplicantScreen({ size, onSize }: { size: TextSize; onSize: (size: TextSize) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ phase: 'pairing' });
  const [reporting, setReporting] = useState(false);
  const [touched, setTouched] = useState(0);

  useEffect(() => {
    const code = takePairingCode();
    const first = code ? call('applicant.pair', { code }) : call('applicant.current', {});
    first.then(
      (r) => setState({ phase: 'showing', view: r.view, held: null }),
      (error: Error) => setState({ phase: 'unpaired', ...(code ? { error: error.message } : {}) }),
    );
  }, []);

  useCoreEvent('applicant.view', (p) =>
    setState((s) => {
      if (!p.view) return { phase: 'unpaired' };
      const current = s.phase === 'showing' ? s : null;
      // Locked: the personal view steps aside, mounted and hidden; the same view coming back shows it again as it was.
      if (p.held && current && current.view.kind !== 'idle') return { phase: 'showing', view: p.view, held: current.view };
      if (p.held && current?.held) return { phase: 'showing', view: p.view, held: current.held };
      return { phase: 'showing', view: p.view, held: null };
    }),
  );

  // The applicant's own touch restarts the clock: nothing they are doing is dropped under their hands.
  useEffect(() => {
    const touch = () => setTouched((n) => n + 1);
    window.addEventListener('pointerdown', touch);
    window.addEventListener('keydown', touch);
    return () => {
      window.removeEventListener('pointerdown', touch);
      window.removeEventListener('keydown', touch);
    };
  }, []);
  const personal: Personal | null = state.phase !== 'showing' ? null : (state.held ?? (state.view.kind === 'idle' ? null : state.view));
  useEffect(() => {
    if (!personal) return;
    const timer = setTimeout(() => setState({ phase: 'unpaired' }), PERSONAL_TTL_MS);
    return () => clearTimeout(timer);
  }, [personal?.viewId, touched]); // the view's id and the last touch restart the clock
  useEffect(() => setReporting(false), [personal?.viewId]);

  const shownPersonal = state.phase === 'showing' && !state.held && personal ? personal : null;
  const reportable = shownPersonal?.kind === 'intake' || shownPersonal?.kind === 'signing' ? shownPersonal : null;
  return (
    <div
      data-testid="applicant-screen"
      data-phase={state.phase}
      data-view={state.phase === 'showing' ? state.view.kind : ''}
      data-held={state.phase === 'showing' && state.held ? 'yes' : 'no'}
      style={{ minHeight: '100vh', padding: '24px 48px', boxSizing: 'border-box' }}
    >
      <ScreenBar size={size} onSize={onSize} onReport={reportable && !reporting ? () => setReporting(true) : undefined} />
      {state.phase === 'pairing' && <Typography.Title style={{ fontSize: '1.6em' }}>{t('applicant.pairing')}</Typography.Title>}
      {state.phase === 'unpaired' && (
        <>
          <Typography.Title style={{ fontSize: '1.6em' }}>{t('applicant.unpaired')}</Typography.Title>
          {state.error && (
            <Alert type="error" showIcon title={t('applicant.pairFailed', { message: state.error })} data-testid="pair-error" />
          )}
          <Typography.Title level={2} style={{ fontSize: '1.3em' }}>
            {t('applicant.hotline', { hotline: '12349' })}
          </Typography.Title>
        </>
      )}
      {reportable && reporting && <ReportPanel view={reportable} onClose={() => setReporting(false)} />}
      {personal && (
        <div key={personal.viewId} hidden={Boolean(state.phase === 'showing' && state.held) || reporting} data-testid="applicant-personal">
          {render(personal)}
        </div>
      )}
      {state.phase === 'showing' && state.view.kind === 'idle' && render(state.view)}
    </div>
  );
}
