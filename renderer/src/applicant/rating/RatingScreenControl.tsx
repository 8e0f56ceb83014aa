import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCoreEvent } from '../../api/useCoreEvent';
import { openApplicantScreen } from '../openScreen';

/**
 * The applicant screen where a service ends outside the intake (进度查询, a printed 救助证明): open and
 * pair it so the 好差评 question reaches the person served. It never pushes a view itself — only the
 * notices and core's rating question appear — so print staff may use it (applicant.open needs
 * person.read; applicant.show stays with case.write). A pairing made elsewhere (the intake) holds here too.
 */
export function RatingScreenControl() {
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
    <Card size="small" style={{ marginBottom: 12 }} data-testid="rating-screen-control" data-paired={paired === null ? 'unknown' : paired ? 'yes' : 'no'}>
      <Space wrap>
        {paired !== null && <Tag color={paired ? 'green' : 'default'}>{paired ? t('applicant.paired') : t('applicant.notPaired')}</Tag>}
        <Typography.Text type="secondary">{t('ratings.screenControl.hint')}</Typography.Text>
        <Button onClick={() => void open()} data-testid="open-rating-screen">
          {paired ? t('applicant.reopen') : t('applicant.open')}
        </Button>
        {!paired && code && <Typography.Text type="secondary">{t('applicant.codeHint', { code })}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} style={{ marginTop: 8 }} />}
    </Card>
  );
}
