import { Alert, Button, Card, Col, Descriptions, Input, Row, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../common/contract/index';
import { formatYuan } from '../../../common/format/money';
import { call } from '../api/client';
import { useBusyAction } from '../components/useBusyAction';
import {
  CameraAlert,
  grabImageData,
  localDeviceSettings,
  resolveDevice,
  useCameraStream,
  useVideoDevices,
  VideoPreview,
} from '../capture/index';
import { frameBits } from './frameBits';

type Answer = MethodOutput<'certificate.scan'>;
const COLOURS: Record<Answer['verdict'], 'success' | 'error' | 'warning'> = {
  valid: 'success',
  tampered: 'error',
  unknown: 'warning',
  expired: 'warning',
  malformed: 'error',
};

function AnswerView({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  const s = answer.stated;
  const F = 'docScreens.verify.fields';
  const trusted = answer.verdict === 'valid' || answer.verdict === 'expired';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="verify-answer" data-verdict={answer.verdict}>
      <Alert
        type={COLOURS[answer.verdict]}
        showIcon
        message={
          <Typography.Text strong data-testid="verify-verdict">
            {t(`docScreens.verify.verdicts.${answer.verdict}`)}
          </Typography.Text>
        }
        description={answer.message}
      />
      {s && (
        <Descriptions
          size="small"
          column={2}
          bordered
          title={trusted ? t('docScreens.verify.stated') : t('docScreens.verify.statedUntrusted')}
          data-testid="verify-stated"
        >
          {s.certificateId && (
            <Descriptions.Item label={t(`${F}.certificateId`)}>
              <span data-verbatim>{s.certificateId}</span>
            </Descriptions.Item>
          )}
          {s.holder && <Descriptions.Item label={t(`${F}.holder`)}>{s.holder}</Descriptions.Item>}
          {s.idTail && <Descriptions.Item label={t(`${F}.idTail`)}>{s.idTail}</Descriptions.Item>}
          {s.category && <Descriptions.Item label={t(`${F}.category`)}>{t(`roster.categories.${s.category}`)}</Descriptions.Item>}
          {s.monthlyAmountFen !== undefined && (
            <Descriptions.Item label={t(`${F}.amount`)}>{formatYuan(s.monthlyAmountFen)}</Descriptions.Item>
          )}
          {s.since && <Descriptions.Item label={t(`${F}.since`)}>{s.since}</Descriptions.Item>}
          {s.validUntil && <Descriptions.Item label={t(`${F}.validUntil`)}>{s.validUntil}</Descriptions.Item>}
          {s.issuerId && (
            <Descriptions.Item label={t(`${F}.issuerId`)}>
              <span data-verbatim>{s.issuerId}</span>
            </Descriptions.Item>
          )}
          {answer.algorithm && (
            <Descriptions.Item label={t(`${F}.algorithm`)}>
              <span data-testid="verify-algorithm" data-algorithm={answer.algorithm}>
                {t(`docScreens.verify.algorithmKinds.${answer.algorithm}`)}{' '}
                <span data-verbatim>{t(`docScreens.verify.algorithmNames.${answer.algorithm}`)}</span>
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Space>
  );
}

/**
 * 证明核验: staff hold a 救助证明's QR code under the document camera (高拍仪) and scan it — the frame
 * goes to core as 1 bit a pixel and is read there — or type the code (a handheld scanner types the QR
 * text; the 证明编号 is looked up among this station's certificates). The answer is a verdict in words
 * and what the certificate states.
 */
export function CertificateVerifyPage() {
  const { t } = useTranslation();
  const store = useMemo(() => localDeviceSettings(), []);
  const { devices } = useVideoDevices();
  const device = resolveDevice('document', store.load().document, devices);
  const camera = useCameraStream('document', device?.deviceId ?? null, device !== null);
  const video = useRef<HTMLVideoElement | null>(null);
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const action = useBusyAction<'scan' | 'code'>();
  const { busy, error } = action;
  const run = (what: 'scan' | 'code', input: () => MethodInput<'certificate.scan'>) =>
    action.run(what, async () => {
      setAnswer(null);
      setAnswer(await call('certificate.scan', input()));
    });
  const scan = () =>
    run('scan', () => {
      const v = video.current;
      if (!v || !v.videoWidth) throw new Error(t('docScreens.verify.noCamera'));
      return { image: frameBits(grabImageData(v)) };
    });
  const check = () => run('code', () => ({ code: code.trim() }));
  const V = 'docScreens.verify';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="certificate-verify-page">
      <Typography.Title level={4}>{t(`${V}.title`)}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t(`${V}.camera`)}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {device ? <CameraAlert camera={camera} /> : <Alert type="info" showIcon message={t(`${V}.noCamera`)} />}
              {device && (
                <VideoPreview
                  ref={video}
                  stream={camera.stream}
                  frameWidth={camera.width || 640}
                  frameHeight={camera.height || 480}
                  testId="verify-video"
                />
              )}
              <Button
                type="primary"
                disabled={camera.status !== 'live'}
                loading={busy === 'scan'}
                onClick={() => void scan()}
                data-testid="verify-scan"
              >
                {t(`${V}.scan`)}
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t(`${V}.typed`)}>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label={t(`${V}.typed`)}
                placeholder={t(`${V}.typedPlaceholder`)}
                value={code}
                maxLength={2000}
                onChange={(e) => setCode(e.target.value)}
                onPressEnter={() => void check()}
                data-testid="verify-code"
              />
              <Button loading={busy === 'code'} disabled={code.trim().length < 4} onClick={() => void check()} data-testid="verify-check">
                {t(`${V}.check`)}
              </Button>
            </Space.Compact>
          </Card>
        </Col>
      </Row>
      {error && <Alert type="error" showIcon message={error} data-testid="verify-error" />}
      {answer && <AnswerView answer={answer} />}
    </Space>
  );
}
