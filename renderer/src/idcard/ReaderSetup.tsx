import { Alert, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SamPortSetup } from './SamPortSetup';
import { useReader } from './useReader';
import { VendorLibrarySetup } from './VendorLibrarySetup';

/** Choosing this workstation's reader (admin.settings): a serial port, or an allow-listed vendor library. */
export function ReaderSetup() {
  const { t } = useTranslation();
  const { configure } = useReader();
  const [kind, setKind] = useState<'sam' | 'vendor'>('sam');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="reader-setup">
      <Typography.Paragraph type="secondary">{t('idcard.setup.intro')}</Typography.Paragraph>
      <Radio.Group aria-label={t('idcard.setup.kind')} value={kind} onChange={(e) => setKind(e.target.value as 'sam' | 'vendor')}>
        <Radio.Button value="sam">{t('idcard.setup.kindSam')}</Radio.Button>
        <Radio.Button value="vendor">{t('idcard.setup.kindVendor')}</Radio.Button>
      </Radio.Group>
      {kind === 'sam' ? <SamPortSetup configure={configure} /> : <VendorLibrarySetup configure={configure} />}
      {configure.isError && <Alert type="error" showIcon message={configure.error.message} data-testid="reader-setup-error" />}
    </Space>
  );
}
