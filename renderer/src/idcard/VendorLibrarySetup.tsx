import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { Configure } from './useReader';

/**
 * A reader driven by its vendor's library: chosen by name among the allow-listed libraries that
 * the installer put in the install's folder. There is no path to type; core loads nothing else.
 */
export function VendorLibrarySetup({ configure }: { configure: Configure }) {
  const { t } = useTranslation();
  const libraries = useQuery({ queryKey: ['idcard.libraries'], queryFn: () => call('idcard.libraries', {}) });
  const [name, setName] = useState<string>();
  const [port, setPort] = useState(1001);
  const [cvr, setCvr] = useState(false);
  const list = libraries.data?.libraries ?? [];
  const chosen = list.find((l) => l.name === name) ?? list.find((l) => l.present);

  const use = () => {
    if (!chosen) return;
    configure.mutate(
      chosen.kind === 'sdtapi'
        ? { kind: 'sdtapi', library: chosen.name, port }
        : { kind: 'termb', library: chosen.name, port, prefix: cvr ? 'CVR_' : '' },
    );
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ minWidth: 240 }}
          loading={libraries.isFetching}
          placeholder={t('idcard.setup.libraryPlaceholder')}
          aria-label={t('idcard.setup.libraryLabel')}
          value={chosen?.name}
          onChange={setName}
          options={list.map((l) => ({
            value: l.name,
            disabled: !l.present,
            label: l.present ? l.name : t('idcard.setup.libraryMissing', { name: l.name }),
          }))}
        />
        <span>{t('idcard.setup.sdkPortLabel')}</span>
        <InputNumber
          aria-label={t('idcard.setup.sdkPortLabel')}
          min={1}
          max={1016}
          precision={0}
          value={port}
          onChange={(v) => setPort(v ?? 1001)}
        />
        {chosen?.kind === 'termb' && (
          <Checkbox checked={cvr} onChange={(e) => setCvr(e.target.checked)}>
            {t('idcard.setup.cvrPrefix')}
          </Checkbox>
        )}
        <Button type="primary" disabled={!chosen?.present} loading={configure.isPending} onClick={use}>
          {t('idcard.setup.use')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('idcard.setup.sdkPortHelp')}</Typography.Text>
      {libraries.data && (
        <Typography.Text type="secondary" data-testid="library-folder">
          {t('idcard.setup.libraryFolder', { folder: libraries.data.folder })}
        </Typography.Text>
      )}
      {libraries.data && !list.some((l) => l.present) && <Alert type="info" showIcon message={t('idcard.setup.noLibraries')} />}
      {libraries.isError && <Alert type="error" showIcon message={libraries.error.message} />}
    </Space>
  );
}
