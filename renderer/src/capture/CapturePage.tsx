import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Counter devices: cameras for the face and the documents, and the signature pad. */
export function CapturePage() {
  const { t } = useTranslation();
  return (
    <Card title={t('nav.capture')}>
      <Typography.Paragraph type="secondary">{t('nav.capture')}</Typography.Paragraph>
    </Card>
  );
}
