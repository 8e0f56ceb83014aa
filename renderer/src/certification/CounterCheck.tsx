import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decideLiveness, decideMatch, overallVerdict, type FaceDecisionConfig } from '../../../common/capture/faceVerdict';
import type { FaceCapture as FaceCaptureResult } from '../../../common/capture/schemas';
import type { CertificationRecord, MethodInputShape } from './types';
import { call } from '../api/client';
import { FaceCapture, localDeviceSettings, resolveDevice, useVideoDevices } from '../capture/index';
import { RESULT_COLOURS, STATUS_COLOURS } from './labels';
import { blobOf, bmpToPngBase64 } from './photos';
import { ProxyModal } from './ProxyModal';
import { useAskRating } from '../ratings/useAskRating';
import { HistoryTable, methodText, RecordView } from './RecordView';

export interface CheckTarget {
  idNumber: string;
  /** The card photo (BMP, base64) when the reader's vendor decoder produced one. */
  cardPhotoBmp?: string;
}

/**
 * What core will make of this capture on the county's current thresholds, with the capture issue's
 * functions (as main/core/certification/result.ts does): no reference to match is never better than review.
 */
function expectedResult(f: FaceCaptureResult, cfg: FaceDecisionConfig) {
  const match = decideMatch(f.match.score, cfg);
  return overallVerdict(
    match === 'notApplicable' ? 'review' : match,
    decideLiveness(f.liveness.antispoof, f.liveness.liveness, cfg),
    f.mode === 'manual',
  );
}

/**
 * The counter check of one enrolled person: their enrolled photo (intake face, else the card
 * photo), the live face capture with the capture issue's gate and match on the county's
 * thresholds, the result shown as pass / review / fail, the clerk's confirmation of a review, and
 * the proxy path for someone who cannot come.
 */
export function CounterCheck({ target, onClose }: { target: CheckTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const person = useQuery({
    queryKey: ['certification.person', target.idNumber],
    queryFn: () => call('certification.person', { idNumber: target.idNumber }),
    retry: false,
  });
  const { devices } = useVideoDevices();
  const faceDevice = resolveDevice('face', localDeviceSettings().load().face, devices);
  const [face, setFace] = useState<FaceCaptureResult | null>(null);
  const [saved, setSaved] = useState<CertificationRecord | null>(null);
  const [reason, setReason] = useState('');
  const [proxyOpen, setProxyOpen] = useState(false);
  // Certified within the period (at the counter, by proxy or on the phone): nothing to ask unless the clerk insists.
  const [checkAnyway, setCheckAnyway] = useState(false);

  const enrolled = person.data?.enrolledPhoto ?? null;
  const reference = useMemo(
    () => (enrolled ? blobOf(enrolled.base64, enrolled.mime) : target.cardPhotoBmp ? blobOf(target.cardPhotoBmp, 'image/bmp') : null),
    [enrolled, target.cardPhotoBmp],
  );
  const referenceSource = enrolled ? 'enrolled' : target.cardPhotoBmp ? 'card' : 'none';
  const referenceUrl = useMemo(() => (reference ? URL.createObjectURL(reference) : null), [reference]);
  useEffect(() => () => (referenceUrl ? URL.revokeObjectURL(referenceUrl) : undefined), [referenceUrl]);

  const askRating = useAskRating();
  const done = (record: CertificationRecord) => {
    setSaved(record);
    askRating({ service: 'certification', certificationId: record.id });
    void client.invalidateQueries({ queryKey: ['certification.person', target.idNumber] });
    void client.invalidateQueries({ queryKey: ['certification.due'] });
  };
  const save = useMutation({
    mutationFn: async (confirmation?: { decision: 'confirm' | 'reject' }) => {
      const ref: MethodInputShape['reference'] = enrolled
        ? { source: 'enrolled', attachmentId: enrolled.attachmentId }
        : target.cardPhotoBmp
          ? { source: 'card', pngBase64: await bmpToPngBase64(blobOf(target.cardPhotoBmp, 'image/bmp')) }
          : { source: 'none' };
      return call('certification.record', {
        idNumber: target.idNumber,
        face: face!,
        reference: ref,
        ...(confirmation ? { confirmation: { ...confirmation, reason: reason.trim() } } : {}),
      });
    },
    onSuccess: done,
  });

  if (person.error)
    return (
      <Space orientation="vertical" data-testid="cert-check">
        <Alert type="error" showIcon title={person.error.message} data-testid="cert-refused" />
        <Button onClick={onClose}>{t('certification.check.close')}</Button>
      </Space>
    );
  if (!person.data) return <Card loading data-testid="cert-check" />;
  const p = person.data.person;
  const expected = face ? expectedResult(face, person.data.settings.face) : null;
  const latest = person.data.history.find((r) => r.outcome === 'certified');
  const certified = p.status === 'later' && p.lastCertifiedOn !== null && latest !== undefined && !saved;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="cert-check" data-person={p.name}>
      <Card
        size="small"
        title={t('certification.check.title')}
        extra={
          <Space>
            {person.data.settings.proxyAllowed ? (
              <Button onClick={() => setProxyOpen(true)} data-testid="cert-proxy-open">
                {t('certification.proxy.open')}
              </Button>
            ) : null}
            <Button onClick={onClose}>{t('certification.check.close')}</Button>
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('certification.check.person')}>
            {p.name}（{p.idNumberMasked}）{p.isApplicant ? t('certification.applicant') : t('certification.member')}
          </Descriptions.Item>
          <Descriptions.Item label={t('certification.columns.household')}>{p.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('certification.columns.dueOn')}>
            {p.dueOn} <Tag color={STATUS_COLOURS[p.status]}>{t(`certification.status.${p.status}`)}</Tag>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {certified ? (
        <Alert
          type="success"
          showIcon
          data-testid="cert-already"
          title={t('certification.remote.already', { last: `${latest.certifiedOn} ${methodText(t, latest)}`, due: p.dueOn })}
          action={
            checkAnyway ? null : (
              <Button size="small" onClick={() => setCheckAnyway(true)} data-testid="cert-check-anyway">
                {t('certification.remote.checkAnyway')}
              </Button>
            )
          }
        />
      ) : null}
      {certified && !checkAnyway ? null : (
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Card
            size="small"
            title={enrolled ? t('certification.check.enrolled') : t('certification.check.cardPhoto')}
            style={{ width: 220 }}
          >
            {referenceUrl ? (
              <img
                data-testid="cert-reference"
                data-source={referenceSource}
                src={referenceUrl}
                alt={t('certification.check.enrolled')}
                style={{ width: '100%' }}
              />
            ) : (
              <Typography.Text type="warning" data-testid="cert-reference" data-source="none">
                {t('certification.check.noReference')}
              </Typography.Text>
            )}
          </Card>
          <div style={{ flex: 1, minWidth: 360 }}>
            <FaceCapture
              deviceId={faceDevice?.deviceId ?? null}
              referencePhoto={reference}
              decision={person.data.settings.face}
              onCaptured={(f) => {
                setFace(f);
                setSaved(null);
                // The county may have changed its thresholds since the check opened: judge with the current ones.
                void client.invalidateQueries({ queryKey: ['certification.person', target.idNumber] });
                setReason('');
                save.reset();
              }}
            />
          </div>
        </div>
      )}
      {face && !saved && expected ? (
        <Card size="small" title={t('certification.check.result')} data-testid="cert-pending" data-result={expected}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Tag color={RESULT_COLOURS[expected]} style={{ fontSize: 20, padding: '4px 12px' }}>
              {t(`certification.check.results.${expected}`)}
            </Tag>
            {expected === 'review' ? (
              <>
                <label htmlFor="cert-reason">{t('certification.check.reason')}</label>
                <Input.TextArea
                  id="cert-reason"
                  data-testid="cert-reason"
                  rows={2}
                  maxLength={300}
                  value={reason}
                  placeholder={t('certification.check.reasonHint')}
                  onChange={(e) => setReason(e.target.value)}
                />
                <Space>
                  <Button
                    type="primary"
                    disabled={reason.trim().length < 2}
                    loading={save.isPending}
                    onClick={() => save.mutate({ decision: 'confirm' })}
                    data-testid="cert-confirm"
                  >
                    {t('certification.check.confirm')}
                  </Button>
                  <Button
                    danger
                    disabled={reason.trim().length < 2}
                    loading={save.isPending}
                    onClick={() => save.mutate({ decision: 'reject' })}
                    data-testid="cert-reject"
                  >
                    {t('certification.check.reject')}
                  </Button>
                </Space>
              </>
            ) : (
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate(undefined)} data-testid="cert-save">
                {t('certification.check.save')}
              </Button>
            )}
            {expected === 'fail' ? <Typography.Text type="danger">{t('certification.check.failedHint')}</Typography.Text> : null}
          </Space>
        </Card>
      ) : null}
      {save.error ? <Alert type="error" showIcon title={save.error.message} data-testid="cert-error" /> : null}
      {saved ? <RecordView record={saved} /> : null}
      {person.data.history.length ? <HistoryTable rows={person.data.history} /> : null}
      <ProxyModal
        open={proxyOpen}
        idNumber={target.idNumber}
        onCancel={() => setProxyOpen(false)}
        onSaved={(record) => {
          setProxyOpen(false);
          done(record);
        }}
      />
    </Space>
  );
}
