import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReaderSetup } from './ReaderSetup';
import { ReaderBadge, ReaderSummary } from './ReaderStatus';
import { useReader } from './useReader';

/** 读卡器设置 (admin): which reader this workstation uses. Core checks, remembers and audits the choice. */
export function ReaderSettingsPage() {
  const { t } = useTranslation();
  const { state } = useReader();
  return (
    <Card title={t('idcard.setup.title')} extra={state.data && <ReaderBadge reader={state.data} />} style={{ maxWidth: 980 }}>
      <ReaderSummary reader={state.data}>
        <ReaderSetup />
      </ReaderSummary>
    </Card>
  );
}
