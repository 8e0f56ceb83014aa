import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScreenPairing } from './useScreenPairing';

/**
 * Open and pair the applicant screen from a page outside the intake where someone signs (the
 * review's re-signing).
 */
export function ScreenPairButton() {
  const { t } = useTranslation();
  const { paired, code, error, open, clearError, pairedAttr } = useScreenPairing();
  return (
    <Space wrap data-testid="screen-pair" data-paired={pairedAttr}>
      {paired !== null && <Tag color={paired ? 'green' : 'default'}>{paired ? t('applicant.paired') : t('applicant.notPaired')}</Tag>}
      <Button size="small" onClick={() => void open()} data-testid="open-applicant-screen">
        {paired ? t('applicant.reopen') : t('applicant.open')}
      </Button>
      {!paired && code && <Typography.Text type="secondary">{t('applicant.codeHint', { code })}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} closable onClose={clearError} />}
    </Space>
  );
}
