import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

const STATUS_KEY = ['update.status'];

/**
 * 程序更新 (admin): the county's update address, check and download against the signed feed, and
 * 安装并重启 / 回退到上一版本 — each verified again by core before the desktop shell runs it. In the
 * browser shell core refuses the install with the verified file's path for IT.
 */
export function UpdatePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => call('update.status', {}) });
  const refresh = () => void client.invalidateQueries({ queryKey: STATUS_KEY });
  const setSource = useMutation({ mutationFn: (url: string) => call('update.setSource', { url }), onSuccess: refresh });
  const check = useMutation({ mutationFn: () => call('update.check', {}) });
  const download = useMutation({ mutationFn: () => call('update.download', {}), onSuccess: refresh });
  const install = useMutation({ mutationFn: (version: string) => call('update.install', { version }) });

  if (!status.data) return status.isError ? <Alert type="error" showIcon message={status.error.message} /> : <Spin />;
  const s = status.data;
  const installable = s.installable;
  const confirmInstall = (version: string, rollback: boolean) =>
    Modal.confirm({
      title: t(rollback ? 'updates.rollbackConfirm' : 'updates.installConfirm', { version }),
      content: t('updates.installNote'),
      okText: t(rollback ? 'updates.rollback' : 'updates.install', { version }),
      cancelText: t('updates.cancel'),
      onOk: () => install.mutate(version),
    });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 900 }}>
      <Card title={t('updates.title')}>
        <Descriptions bordered size="small" column={1} data-testid="update-status">
          <Descriptions.Item label={t('updates.current')}>{s.current}</Descriptions.Item>
          <Descriptions.Item label={t('updates.address')}>
            {s.url ? <span data-verbatim>{s.url}</span> : t('updates.noAddress')}{' '}
            {s.urlFrom === 'preset' && <Tag>{t('updates.fromPreset')}</Tag>}
          </Descriptions.Item>
        </Descriptions>
        <Form layout="inline" style={{ marginTop: 12 }} onFinish={(v: { url: string }) => setSource.mutate(v.url)}>
          <Form.Item
            name="url"
            label={t('updates.setAddress')}
            rules={[{ required: true, message: t('updates.addressMissing') }]}
            style={{ minWidth: 480 }}
          >
            <Input placeholder={t('updates.addressExample')} data-verbatim />
          </Form.Item>
          <Button htmlType="submit" loading={setSource.isPending}>
            {t('updates.save')}
          </Button>
        </Form>
        {setSource.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={setSource.error.message} />}
      </Card>

      <Card title={t('updates.newVersion')}>
        <Typography.Paragraph type="secondary">{t('updates.help')}</Typography.Paragraph>
        <Space>
          <Button onClick={() => check.mutate()} loading={check.isPending} disabled={!s.url}>
            {t('updates.check')}
          </Button>
          {check.data?.state === 'newer' && (
            <Button type="primary" onClick={() => download.mutate()} loading={download.isPending}>
              {t('updates.download', { version: check.data.version })}
            </Button>
          )}
        </Space>
        {check.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={check.error.message} />}
        {check.data && (
          <Alert
            style={{ marginTop: 12 }}
            type={check.data.state === 'newer' ? 'info' : 'success'}
            showIcon
            data-testid="update-check"
            message={t(`updates.state.${check.data.state}`, { version: check.data.version, current: check.data.current })}
          />
        )}
        {download.isPending && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon data-testid="update-downloading" message={t('updates.downloading')} />
        )}
        {download.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={download.error.message} />}
        {download.data && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            data-testid="update-downloaded"
            message={t('updates.downloaded', { version: download.data.version })}
          />
        )}
      </Card>

      <Card title={t('updates.installTitle')}>
        {!s.canInstall && (
          <Alert
            style={{ marginBottom: 12 }}
            type="warning"
            showIcon
            data-testid="update-needs-desktop"
            message={t('updates.needsDesktop')}
          />
        )}
        <Space wrap>
          <Button
            type="primary"
            disabled={!installable}
            loading={install.isPending}
            onClick={() => installable && confirmInstall(installable, false)}
            data-testid="update-install"
          >
            {s.canInstall ? t('updates.install') : t('updates.installNeedsDesktop')}
          </Button>
          {s.previous && (
            <Button danger loading={install.isPending} onClick={() => confirmInstall(s.previous!, true)} data-testid="update-rollback">
              {t('updates.rollback', { version: s.previous })}
            </Button>
          )}
        </Space>
        {!installable && !s.previous && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('updates.nothingToInstall')}
          </Typography.Paragraph>
        )}
        {install.isError && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            data-testid="update-install-error"
            message={<span data-verbatim>{install.error.message}</span>}
          />
        )}
        {install.data && (
          <Alert style={{ marginTop: 12 }} type="success" showIcon message={t('updates.installing', { version: install.data.version })} />
        )}
      </Card>
    </Space>
  );
}
