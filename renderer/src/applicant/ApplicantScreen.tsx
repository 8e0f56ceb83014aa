import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../common/contract/methods/applicant';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';
import { IdleNotices } from './IdleNotices';
import { IntakeView } from './IntakeView';
import { takePairingCode } from './route';

/** Personal data never outlives this on screen, even if the clerk's window goes away without a word. */
const PERSONAL_TTL_MS = 15 * 60_000;

type State = { phase: 'pairing' } | { phase: 'unpaired'; error?: string } | { phase: 'showing'; view: ApplicantView };

/** What the paired window shows: the policy notices between applicants, or the applicant's own record. */
export function ApplicantScreen() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ phase: 'pairing' });

  useEffect(() => {
    const code = takePairingCode();
    const first = code ? call('applicant.pair', { code }) : call('applicant.current', {});
    first.then(
      (r) => setState({ phase: 'showing', view: r.view }),
      (error: Error) => setState({ phase: 'unpaired', ...(code ? { error: error.message } : {}) }),
    );
  }, []);

  useCoreEvent('applicant.view', (p) => setState(p.view ? { phase: 'showing', view: p.view } : { phase: 'unpaired' }));

  const personal = state.phase === 'showing' && state.view.kind === 'intake' ? state.view.viewId : null;
  useEffect(() => {
    if (!personal) return;
    const timer = setTimeout(() => setState({ phase: 'unpaired' }), PERSONAL_TTL_MS);
    return () => clearTimeout(timer);
  }, [personal]);

  return (
    <div data-testid="applicant-screen" data-phase={state.phase} data-view={state.phase === 'showing' ? state.view.kind : ''} style={{ minHeight: '100vh', padding: '32px 48px', background: '#f7f9fc' }}>
      {state.phase === 'pairing' && <Typography.Title>{t('applicant.pairing')}</Typography.Title>}
      {state.phase === 'unpaired' && (
        <>
          <Typography.Title>{t('applicant.unpaired')}</Typography.Title>
          {state.error && <Alert type="error" showIcon title={t('applicant.pairFailed', { message: state.error })} data-testid="pair-error" />}
          <Typography.Title level={2}>{t('applicant.hotline', { hotline: '12349' })}</Typography.Title>
        </>
      )}
      {state.phase === 'showing' && state.view.kind === 'idle' && <IdleNotices view={state.view} />}
      {state.phase === 'showing' && state.view.kind === 'intake' && <IntakeView key={state.view.viewId} view={state.view} />}
    </div>
  );
}
