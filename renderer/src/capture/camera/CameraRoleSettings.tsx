import { Alert, Button, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraAlert } from './CameraAlert';
import { CAMERA_ROLES, type CameraRole, type DeviceSettings, type DeviceSettingsStore } from './deviceSettings';
import type { VideoDevice } from './resolveDevice';
import { useCameraStream } from './useCameraStream';
import { VideoPreview } from './VideoPreview';

export interface CameraRoleSettingsProps {
  devices: VideoDevice[];
  settings: DeviceSettings;
  store: DeviceSettingsStore;
  onChange: (settings: DeviceSettings) => void;
  onRefresh: () => void;
}

const ROLE_LABEL = { face: 'capture.camera.roleFace', document: 'capture.camera.roleDocument' } as const;

function RolePreview({ role, deviceId }: { role: CameraRole; deviceId: string | null }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const camera = useCameraStream(role, deviceId, on);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={() => setOn((v) => !v)} data-testid={`preview-${role}`}>
        {on ? t('capture.camera.stopTest') : t('capture.camera.test')}
      </Button>
      {on ? (
        <>
          <CameraAlert camera={camera} />
          {camera.stream ? (
            <VideoPreview stream={camera.stream} frameWidth={camera.width || 640} frameHeight={camera.height || 480} />
          ) : null}
          {camera.width ? (
            <Typography.Text type="secondary">
              {t('capture.camera.resolution', { width: camera.width, height: camera.height })}
            </Typography.Text>
          ) : null}
        </>
      ) : null}
    </Space>
  );
}

/** Assign the face camera and the document camera of this workstation; remembered per workstation. */
export function CameraRoleSettings({ devices, settings, store, onChange, onRefresh }: CameraRoleSettingsProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const assign = (role: CameraRole, deviceId: string) => {
    const device = devices.find((d) => d.deviceId === deviceId);
    if (!device) return;
    const next = { ...settings, [role]: { deviceId: device.deviceId, label: device.label } };
    store.save(next);
    onChange(next);
    setSaved(true);
  };
  const same = settings.face && settings.document && settings.face.deviceId === settings.document.deviceId && devices.length > 1;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space>
        <Typography.Text data-testid="camera-count">
          {devices.length ? t('capture.camera.count', { count: devices.length }) : t('capture.camera.none')}
        </Typography.Text>
        <Button onClick={onRefresh}>{t('capture.camera.refresh')}</Button>
      </Space>
      {devices.length === 0 ? <Alert type="error" showIcon title={t('errors.CAPTURE_NO_CAMERA')} /> : null}
      <Form layout="vertical">
        {CAMERA_ROLES.map((role) => (
          <Form.Item key={role} label={t(ROLE_LABEL[role])} htmlFor={`camera-${role}`}>
            <Select
              id={`camera-${role}`}
              data-testid={`camera-select-${role}`}
              placeholder={t('capture.camera.choose')}
              value={settings[role]?.deviceId}
              options={devices.map((d) => ({ value: d.deviceId, label: d.label }))}
              onChange={(v: string) => assign(role, v)}
              style={{ maxWidth: 480 }}
            />
            <div style={{ maxWidth: 480, marginTop: 8 }}>
              <RolePreview role={role} deviceId={settings[role]?.deviceId ?? null} />
            </div>
          </Form.Item>
        ))}
      </Form>
      {same ? <Alert type="warning" showIcon title={t('capture.camera.sameDevice')} /> : null}
      {saved ? <Alert type="success" showIcon title={t('capture.camera.saved')} /> : null}
    </Space>
  );
}
