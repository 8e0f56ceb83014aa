import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScreenPairing } from '../useScreenPairing';

/**
 * The applicant screen where a service ends outside the intake (进度查询, a printed 救助证明): open and
 * pair it so the 好差评 question reaches the person served. It never pushes a view itself — only the
 * notices and core's rating question appear — so print staff may use it (applicant.open needs
 * person.read; applicant.show stays with case.write).
 */
export function RatingScreenControl() {
  const { t } = useTranslation();
  const { paired, code, error, open, clearError, pairedAttr } = useScreenPairing();
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="rating-screen-control" data-paired={pairedAttr}>
      <Space wrap>
        {paired !== null && <Tag color={paired ? 'green' : 'default'}>{paired ? t('applicant.paired') : t('applicant.notPaired')}</Tag>}
        <Typography.Text type="secondary">{t('ratings.screenControl.hint')}</Typography.Text>
        <Button onClick={() => void open()} data-testid="open-rating-screen">
          {paired ? t('applicant.reopen') : t('applicant.open')}
        </Button>
        {!paired && code && <Typography.Text type="secondary">{t('applicant.codeHint', { code })}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon title={error} closable onClose={clearError} style={{ marginTop: 8 }} />}
    </Card>
  );
}
