import { Card, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureResult } from '../../../common/capture/schemas';
import { CameraRoleSettings } from './camera/CameraRoleSettings';
import { localDeviceSettings, type DeviceSettings } from './camera/deviceSettings';
import { resolveDevice } from './camera/resolveDevice';
import { useVideoDevices } from './camera/useVideoDevices';
import { CaptureResultView } from './CaptureResultView';
import { DocumentCapture } from './document/DocumentCapture';
import { FaceCapture } from './face/FaceCapture';
import { SignaturePad } from './signature/SignaturePad';

/**
 * Counter devices: assign the face camera and the document camera for this workstation, and
 * test a face capture, a document capture and a signature. Results are shown, not stored: the
 * store integration hands them to core as encrypted attachments.
 */
export function CapturePage() {
  const { t } = useTranslation();
  const store = useMemo(() => localDeviceSettings(), []);
  const [settings, setSettings] = useState<DeviceSettings>(() => store.load());
  const { devices, refresh } = useVideoDevices();
  const [tab, setTab] = useState('devices');
  const [result, setResult] = useState<CaptureResult | null>(null);
  const [reference, setReference] = useState<File | null>(null);
  const faceDevice = resolveDevice('face', settings.face, devices);
  const documentDevice = resolveDevice('document', settings.document, devices);

  const items = [
    {
      key: 'devices',
      label: t('capture.tabs.devices'),
      children: (
        <CameraRoleSettings
          devices={devices}
          settings={settings}
          store={store}
          onChange={setSettings}
          onRefresh={() => void refresh(true)}
        />
      ),
    },
    {
      key: 'face',
      label: t('capture.tabs.face'),
      children:
        tab === 'face' ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              <label htmlFor="reference-photo">{t('capture.face.reference')}</label>
              <input
                id="reference-photo"
                data-testid="reference-photo"
                type="file"
                accept="image/jpeg,image/png"
                onChange={(e) => setReference(e.target.files?.[0] ?? null)}
              />
              <Typography.Text type="secondary">{t('capture.face.referenceHint')}</Typography.Text>
            </Space>
            <FaceCapture deviceId={faceDevice?.deviceId ?? null} referencePhoto={reference} onCaptured={setResult} />
          </Space>
        ) : null,
    },
    {
      key: 'document',
      label: t('capture.tabs.document'),
      children: tab === 'document' ? <DocumentCapture deviceId={documentDevice?.deviceId ?? null} onCaptured={setResult} /> : null,
    },
    {
      key: 'signature',
      label: t('capture.tabs.signature'),
      children: tab === 'signature' ? <SignaturePad onCaptured={setResult} /> : null,
    },
  ];

  return (
    <Card title={t('nav.capture')}>
      <Tabs activeKey={tab} onChange={(k) => setTab(k)} items={items} destroyOnHidden />
      <div style={{ marginTop: 16 }}>
        <CaptureResultView result={result} />
      </div>
    </Card>
  );
}
