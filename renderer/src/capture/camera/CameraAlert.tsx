import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CameraStream } from './useCameraStream';

/** The camera's state in words: opening, lost (with auto-recovery), or what to do about an error. */
export function CameraAlert({ camera }: { camera: CameraStream }) {
  const { t } = useTranslation();
  if (camera.status === 'opening') return <Alert data-testid="camera-status" type="info" title={t('capture.camera.open')} showIcon />;
  if (camera.error)
    return (
      <Alert
        data-testid="camera-error"
        data-code={camera.error}
        type={camera.status === 'lost' ? 'warning' : 'error'}
        title={t(`errors.${camera.error}`)}
        showIcon
      />
    );
  return null;
}
