import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { maskIdNumber } from '../../../common/format/mask';
import { call } from '../api/client';
import { StationBlobs } from '../sync/StationBlobs';
import { chinaDateTime, deadlineText, statusText } from './labels';

/**
 * One online application as the applicant filed it: the applicant, the members, the papers and the
 * signatures (their images fetched from the platform on demand, as a station case's). 到窗口补全并受理
 * opens the intake on the draft made from it (onlineApplications.startIntake): the card read, the
 * face, the authorizations and the papers are done there, and the acceptance decision with it.
 */
export function DetailView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useQuery({ queryKey: ['onlineApplications.get', id], queryFn: () => call('onlineApplications.get', { id }) });
  const start = useMutation({
    mutationFn: () => call('onlineApplications.startIntake', { id }),
    onSuccess: (out) => void navigate(`/intake?case=${out.caseId}`),
  });
  if (detail.isError)
    return (
      <Alert
        type="error"
        showIcon
        message={detail.error.message}
        action={<Button onClick={onBack}>{t('onlineApplications.back')}</Button>}
      />
    );
  const d = detail.data;
  if (!d) return <Card loading />;
  const deadline = deadlineText(t, d.deadline);
  const inPath = d.caseState !== null && d.caseState !== 'draft';
  const described = new Map<string, string>([
    ...d.papers.map(
      (p) => [p.sha256, `${t('sync.blobs.role.material')} · ${p.materialLabel} ${t('onlineApplications.page', { page: p.page })}`] as const,
    ),
    ...d.signatures.map((s) => [s.sha256, `${t('sync.blobs.role.signature')} · ${s.name}`] as const),
  ]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="online-detail">
      <Space>
        <Button onClick={onBack}>{t('onlineApplications.back')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('onlineApplications.detailTitle')} · {d.applicantName}
        </Typography.Title>
        <Tag color={deadline.color} data-testid="online-deadline">
          {deadline.text}
        </Tag>
        <Tag data-testid="online-status">{statusText(t, d)}</Tag>
      </Space>
      <Card size="small" title={t('onlineApplications.applicant')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('onlineApplications.columns.submittedAt')}>{chinaDateTime(d.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('onlineApplications.columns.source')}>
            {t(`onlineApplications.sources.${d.source}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('onlineApplications.columns.type')}>{t(`cases.typesShort.${d.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('onlineApplications.columns.applicant')}>{d.applicant.name}</Descriptions.Item>
          <Descriptions.Item label={t('onlineApplications.columns.idNumber')}>{d.applicantIdNumberMasked}</Descriptions.Item>
          <Descriptions.Item label={t('onlineApplications.reason')}>
            {[...d.reasons.map((r) => t(`cases.reasons.${r}`)), d.reasonText].filter(Boolean).join('；')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('onlineApplications.members')}>
        <Table
          rowKey="idNumber"
          size="small"
          pagination={false}
          dataSource={d.members}
          data-testid="online-members"
          columns={[
            { title: t('onlineApplications.columns.name'), dataIndex: 'name' },
            { title: t('onlineApplications.columns.idNumber'), render: (_, m) => maskIdNumber(m.idNumber) },
            { title: t('intake.relationship'), render: (_, m) => t(`cases.relationships.${m.relationship}`) },
          ]}
        />
      </Card>
      <Card size="small" title={t('onlineApplications.papers')}>
        {d.papers.length === 0 ? (
          <Empty description={t('onlineApplications.noPapers')} />
        ) : (
          <List
            size="small"
            dataSource={d.papers}
            renderItem={(p) => <List.Item>{`${p.materialLabel} · ${t('onlineApplications.page', { page: p.page })}`}</List.Item>}
            data-testid="online-papers"
          />
        )}
      </Card>
      <Card size="small" title={t('onlineApplications.signatures')}>
        {d.signatures.length === 0 ? (
          <Empty description={t('onlineApplications.noSignatures')} />
        ) : (
          <List
            size="small"
            dataSource={d.signatures}
            renderItem={(s) => <List.Item>{`${s.name} · ${t('onlineApplications.signedAt')} ${chinaDateTime(s.signedAt)}`}</List.Item>}
          />
        )}
      </Card>
      <StationBlobs caseId={id} describe={(sha256) => described.get(sha256)} />
      <Card size="small">
        <Space direction="vertical">
          <Typography.Text type="secondary">{t('onlineApplications.intakeHelp')}</Typography.Text>
          {start.isError && <Alert type="error" showIcon message={start.error.message} />}
          {inPath ? (
            <Button type="primary" onClick={() => void navigate(`/cases?id=${d.caseId}`)} data-testid="online-open-case">
              {t('onlineApplications.openCase')}
            </Button>
          ) : (
            <Button type="primary" size="large" loading={start.isPending} onClick={() => start.mutate()} data-testid="online-start-intake">
              {d.caseId ? t('onlineApplications.continueIntake') : t('onlineApplications.startIntake')}
            </Button>
          )}
        </Space>
      </Card>
    </Space>
  );
}
