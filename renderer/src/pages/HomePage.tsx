import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { IdNumberInput } from '../components/IdNumberInput';
import { DeadlineLists } from '../cases/DeadlineLists';
import { HomeAuditAnchor } from '../sync/HomeAuditAnchor';
import { HomeFlaggedRatings } from '../ratings/HomeFlaggedRatings';

export function HomePage() {
  const { t } = useTranslation();
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info', {}) });
  const [idNumber, setIdNumber] = useState('');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 880 }}>
      <HomeAuditAnchor />
      <HomeFlaggedRatings />
      <DeadlineLists />
      <Card title={t('home.idCheckTitle')}>
        <Typography.Paragraph type="secondary">{t('home.idCheckHint')}</Typography.Paragraph>
        <label htmlFor="id-number" style={{ display: 'block', marginBottom: 8 }}>
          {t('idNumber.label')}
        </label>
        <IdNumberInput value={idNumber} onChange={setIdNumber} autoFocus />
      </Card>
      <Card title={t('home.infoTitle')} loading={info.isPending}>
        {info.isError && <Alert type="error" showIcon message={info.error.message} />}
        {info.data && (
          <Descriptions column={1} size="small" bordered data-testid="app-info">
            <Descriptions.Item label={t('home.version')}>
              <span data-verbatim>{info.data.version}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('home.shell')}>{t(`shell.${info.data.shell}`)}</Descriptions.Item>
            <Descriptions.Item label={t('home.dataDir')}>
              <span data-verbatim>{info.data.dataDir}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('home.deviceId')}>
              <Typography.Text code copyable data-verbatim>
                {info.data.deviceId.slice(0, 16)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('home.database')}>
              <span data-testid="app-info-database" data-verbatim>
                {info.data.database.cipherVersion}（SQLite {info.data.database.sqliteVersion}）
              </span>
              {!info.data.database.checkpointCopy && (
                <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('home.databaseStock')} />
              )}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </Space>
  );
}
