import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPortPathForm } from '../../../common/idcard/portPath';
import { call } from '../api/client';
import type { Configure } from './useReader';

/**
 * A serial (GA 467) reader: choose among the ports core found and probed, or type the port's path
 * when it is not listed (a machine without udev, a stable /dev/serial/by-id link). The typed path is
 * checked with the rule core applies; core also checks it is a device.
 */
export function SamPortSetup({ configure }: { configure: Configure }) {
  const { t } = useTranslation();
  const ports = useQuery({ queryKey: ['idcard.ports'], queryFn: () => call('idcard.ports', {}) });
  const [path, setPath] = useState<string>();
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string>();
  const listed = ports.data ?? [];
  const chosen = path ?? listed.find((p) => p.ok)?.path;

  const useTyped = () => {
    const value = typed.trim();
    if (!isPortPathForm(value)) return setTypedError(t('errors.IDCARD_PORT_PATH_INVALID', { path: value }));
    setTypedError(undefined);
    configure.mutate({ kind: 'sam', path: value });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ minWidth: 360 }}
          loading={ports.isFetching}
          placeholder={t('idcard.setup.portPlaceholder')}
          value={chosen}
          onChange={setPath}
          aria-label={t('idcard.setup.portLabel')}
          options={listed.map((p) => ({
            value: p.path,
            label: `${p.path}${p.manufacturer ? `（${p.manufacturer}）` : ''} — ${p.ok ? t('idcard.setup.portOk') : (p.error ?? t('idcard.setup.portNoAnswer'))}`,
          }))}
        />
        <Button onClick={() => void ports.refetch()}>{t('idcard.setup.refresh')}</Button>
        <Button
          type="primary"
          disabled={!chosen}
          loading={configure.isPending}
          onClick={() => chosen && configure.mutate({ kind: 'sam', path: chosen })}
        >
          {t('idcard.setup.use')}
        </Button>
      </Space>
      {ports.isError && <Alert type="error" showIcon message={ports.error.message} />}
      {ports.data && listed.length === 0 && <Alert type="info" showIcon message={t('idcard.setup.noPorts')} />}
      <Space wrap align="start">
        <label htmlFor="reader-port-path">{t('idcard.setup.manualLabel')}</label>
        <Space direction="vertical" size={2}>
          <Input
            id="reader-port-path"
            style={{ width: 320 }}
            value={typed}
            status={typedError ? 'error' : ''}
            placeholder={t('idcard.setup.manualPlaceholder')}
            data-verbatim
            onPressEnter={useTyped}
            onChange={(e) => {
              setTyped(e.target.value);
              setTypedError(undefined);
            }}
          />
          {typedError && (
            <Typography.Text type="danger" data-testid="port-path-error">
              {typedError}
            </Typography.Text>
          )}
        </Space>
        <Button disabled={typed.trim() === ''} loading={configure.isPending} onClick={useTyped}>
          {t('idcard.setup.manualUse')}
        </Button>
      </Space>
    </Space>
  );
}
