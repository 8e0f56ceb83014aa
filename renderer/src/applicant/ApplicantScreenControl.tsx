import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../common/cases/application';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';
import { ApplicantReports } from './ApplicantReports';
import { openApplicantScreen } from './openScreen';
import { toApplicantView } from './toApplicantView';

/**
 * The clerk's side of the applicant screen, inside the intake: open and pair it, keep it showing
 * what is being recorded, receive the 确认 and any 信息有误 (shown at once, naming the part; nothing
 * waits for it) — and put the policy notices back when the intake ends (unmount). The signers sign
 * on it from the authorization step (intake/authorization/PadPanel.tsx).
 */
export function ApplicantScreenControl({ app }: { app: Application }) {
  const { t } = useTranslation();
  const [paired, setPaired] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [viewId, setViewId] = useState<string | null>(null);
  const [confirmedAt, setConfirmedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pairedRef = useRef(false);
  pairedRef.current = paired;

  useCoreEvent('applicant.reply', (r) => {
    if (r.kind === 'paired') setPaired(true);
    else if (r.kind === 'unpaired') setPaired(false);
    else if (r.viewId === viewId && r.kind === 'confirmed') setConfirmedAt(r.at);
  });

  const view = toApplicantView(app, (c) => t(`cases.relationships.${c}` as 'cases.relationships.self'));
  const key = JSON.stringify(view);
  useEffect(() => {
    if (!paired) return;
    const timer = setTimeout(() => {
      call('applicant.show', { view: view ?? { kind: 'idle' } }).then(
        (r) => {
          setViewId(r.viewId);
          setConfirmedAt(null);
          if (!r.paired) setPaired(false);
        },
        (e: Error) => setError(e.message),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [paired, key]); // `key` is the view's content

  // The intake ends: nothing personal stays on the applicant's screen.
  useEffect(() => () => void (pairedRef.current && call('applicant.show', { view: { kind: 'idle' } }).catch(() => undefined)), []);

  const open = () =>
    call('applicant.open', {}).then(
      (r) => {
        setCode(r.code);
        openApplicantScreen(r.code);
      },
      (e: Error) => setError(e.message),
    );

  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="applicant-control" data-paired={paired ? 'yes' : 'no'}>
      <Space wrap>
        <Tag color={paired ? 'green' : 'default'}>{paired ? t('applicant.paired') : t('applicant.notPaired')}</Tag>
        <Button onClick={() => void open()} data-testid="open-applicant-screen">
          {paired ? t('applicant.reopen') : t('applicant.open')}
        </Button>
        {!paired && code && <Typography.Text type="secondary">{t('applicant.codeHint', { code })}</Typography.Text>}
        {confirmedAt && (
          <Tag color="blue" data-testid="applicant-confirmed-tag">
            {t('applicant.gotConfirm', { time: new Date(confirmedAt).toLocaleTimeString('zh-CN') })}
          </Tag>
        )}
      </Space>
      <ApplicantReports />
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} style={{ marginTop: 8 }} />}
    </Card>
  );
}
