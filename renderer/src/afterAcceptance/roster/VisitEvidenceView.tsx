import { useQuery } from '@tanstack/react-query';
import { Button, Image, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract/index';
import { ApiCallError, call } from '../../api/client';

type Visit = MethodOutput<'visits.ofCase'>['visits'][number];

/** Codes that mean "the bytes are not on this workstation", as opposed to damaged or unreachable. */
const ABSENT = new Set(['NOT_FOUND', 'STORE_ATTACHMENT_NOT_FOUND']);
const BOX = {
  minWidth: 120,
  minHeight: 72,
  padding: 8,
  border: '1px dashed #d9d9d9',
  display: 'inline-flex',
  alignItems: 'center',
  gap: 8,
} as const;

/**
 * One photo or signature: read from core when it is first shown (every read is audited, so only
 * on demand) and kept, since stored evidence never changes. Loading and unreadable bytes are shown
 * in words in its place, with a retry, instead of failing the list.
 */
function EvidenceImage({
  caseId,
  attachmentId,
  alt,
  width,
  testId,
}: {
  caseId: string;
  attachmentId: string;
  alt: string;
  width: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const bytes = useQuery({
    queryKey: ['visits.evidence', caseId, attachmentId],
    queryFn: () => call('visits.evidence', { caseId, attachmentId }),
    staleTime: Infinity,
  });
  if (bytes.isPending)
    return (
      <span style={BOX} data-testid={testId} data-state="loading">
        <Spin size="small" /> {t('visitEvidence.view.loading')}
      </span>
    );
  if (bytes.isError) {
    const absent = bytes.error instanceof ApiCallError && ABSENT.has(bytes.error.code);
    return (
      <span style={{ ...BOX, maxWidth: 320 }} data-testid={testId} data-state={absent ? 'absent' : 'failed'}>
        <Typography.Text type={absent ? 'warning' : 'danger'}>
          {absent ? t('visitEvidence.view.absent') : bytes.error.message}
        </Typography.Text>
        <Button size="small" onClick={() => void bytes.refetch()}>
          {t('visitEvidence.view.retry')}
        </Button>
      </span>
    );
  }
  return (
    <span data-testid={testId} data-state="shown">
      <Image width={width} src={`data:${bytes.data.mime};base64,${bytes.data.base64}`} alt={alt} />
    </span>
  );
}

/** A visit's photos (thumbnails that enlarge, browsed as one group) and each signature with who signed and as what. */
export function VisitEvidenceView({ caseId, visit }: { caseId: string; visit: Pick<Visit, 'id' | 'photoIds' | 'signers'> }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="visit-evidence-view" data-visit={visit.id}>
      {visit.photoIds.length > 0 && (
        <>
          <Typography.Text strong>
            {t('visitEvidence.photos')} <Typography.Text type="secondary">{t('visitEvidence.view.enlarge')}</Typography.Text>
          </Typography.Text>
          <Image.PreviewGroup>
            <Space wrap>
              {visit.photoIds.map((id, i) => (
                <EvidenceImage
                  key={id}
                  caseId={caseId}
                  attachmentId={id}
                  width={120}
                  alt={t('visitEvidence.view.photo', { n: i + 1 })}
                  testId={`visit-photo-${i}`}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        </>
      )}
      {visit.signers.length > 0 && (
        <>
          <Typography.Text strong>{t('visitEvidence.signatures')}</Typography.Text>
          <Space wrap align="start">
            {visit.signers.map((s, i) => (
              <Space key={s.attachmentId} orientation="vertical" size={4} data-testid={`visit-signature-${i}`} data-role={s.role}>
                <EvidenceImage
                  caseId={caseId}
                  attachmentId={s.attachmentId}
                  width={180}
                  alt={t('visitEvidence.view.signature', { name: s.name, role: t(`visitEvidence.${s.role}`) })}
                  testId={`visit-signature-image-${i}`}
                />
                <Space size={4}>
                  <strong>{s.name}</strong>
                  <Tag>{t(`visitEvidence.${s.role}`)}</Tag>
                </Space>
              </Space>
            ))}
          </Space>
        </>
      )}
    </Space>
  );
}
