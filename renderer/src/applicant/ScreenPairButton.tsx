import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';
import { openApplicantScreen } from './openScreen';

/**
 * Open and pair the applicant screen from a page outside the intake where someone signs (the
 * review's re-signing): a pairing made elsewhere holds here too, so this only says so once core
 * tells (a pairing or its end) and offers to open one.
 */
export function ScreenPairButton() {
  const { t } = useTranslation();
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
  return (
    <Space wrap data-testid="screen-pair" data-paired={paired === null ? 'unknown' : paired ? 'yes' : 'no'}>
      {paired !== null && <Tag color={paired ? 'green' : 'default'}>{paired ? t('applicant.paired') : t('applicant.notPaired')}</Tag>}
      <Button size="small" onClick={() => void open()} data-testid="open-applicant-screen">
        {paired ? t('applicant.reopen') : t('applicant.open')}
      </Button>
      {!paired && code && <Typography.Text type="secondary">{t('applicant.codeHint', { code })}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
    </Space>
  );
}
