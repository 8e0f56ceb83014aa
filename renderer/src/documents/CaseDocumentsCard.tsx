import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../common/contract/methods/documents/documents';
import { call } from '../api/client';
import { useMayCall } from '../components/useMayCall';
import { CertificateIssueModal } from './CertificateIssueModal';
import { base64ToBytes } from './pdf';
import { PdfPreview } from './PdfPreview';
import { ReprintModal } from './ReprintModal';

/**
 * Every document issued for a case, newest first: view the stored PDF, 补打 with its reason, and
 * (for a household on the roster) 出具救助证明.
 */
export function CaseDocumentsCard({ caseId, onRoster }: { caseId: string; onRoster: boolean }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['documents.list', caseId], queryFn: () => call('documents.list', { caseId }) });
  const [viewing, setViewing] = useState<{ doc: DocumentSummary; pdf: Uint8Array } | null>(null);
  const [reprinting, setReprinting] = useState<DocumentSummary | null>(null);
  const [certificateOpen, setCertificateOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['documents.list', caseId] });
  const view = async (doc: DocumentSummary) => {
    setError(null);
    try {
      setViewing({ doc, pdf: base64ToBytes((await call('documents.get', { documentId: doc.id })).pdfBase64) });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const C = 'docScreens.caseDocs';
  return (
    <Card
      title={t(`${C}.title`)}
      size="small"
      data-testid="case-documents"
      extra={
        onRoster && may('certificate.issue') ? (
          <Button onClick={() => setCertificateOpen(true)} data-testid="case-issue-certificate">
            {t(`${C}.issueCertificate`)}
          </Button>
        ) : null
      }
    >
      {(list.error || error) && <Alert type="error" showIcon message={list.error?.message ?? error} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t(`${C}.empty`) }}
        onRow={(d) => ({ 'data-kind': d.kind, 'data-reprint': d.reprintOf ? 'true' : 'false' }) as object}
        columns={[
          { title: t(`${C}.kind`), render: (_, d) => t(`documents.kinds.${d.kind}`) },
          { title: t(`${C}.createdAt`), render: (_, d) => new Date(d.createdAt).toLocaleString('zh-CN') },
          { title: t(`${C}.pages`), dataIndex: 'pages' },
          {
            title: t(`${C}.mark`),
            render: (_, d) =>
              d.reprintOf ? (
                <Tag color="orange" data-testid="reprint-tag" data-reason={d.reprintReason ?? ''}>
                  {t(`${C}.reprintMark`, {
                    reason:
                      d.reprintReason === 'other' && d.reprintNote
                        ? d.reprintNote
                        : t(`docScreens.reprint.reasons.${d.reprintReason ?? 'other'}`),
                  })}
                </Tag>
              ) : (
                <Tag>{t(`${C}.original`)}</Tag>
              ),
          },
          {
            title: '',
            key: 'actions',
            render: (_, d) => (
              <Space>
                <Button size="small" onClick={() => void view(d)} data-testid="document-view">
                  {t(`${C}.view`)}
                </Button>
                {may('documents.reprint') && (
                  <Button size="small" onClick={() => setReprinting(d)} data-testid="document-reprint">
                    {t(`${C}.reprint`)}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={viewing !== null}
        width={760}
        title={viewing ? t(`documents.kinds.${viewing.doc.kind}`) : ''}
        onCancel={() => setViewing(null)}
        footer={<Button onClick={() => setViewing(null)}>{t('documents.ui.close')}</Button>}
      >
        {viewing && <PdfPreview pdf={viewing.pdf} />}
      </Modal>
      <ReprintModal doc={reprinting} onClose={() => setReprinting(null)} onDone={refresh} />
      <CertificateIssueModal caseId={caseId} open={certificateOpen} onClose={() => setCertificateOpen(false)} onIssued={refresh} />
    </Card>
  );
}
