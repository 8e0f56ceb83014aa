import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Image, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/contract/methods/cases';
import { call } from '../api/client';

type Attachment = CaseDetail['attachments'][number];

/** One material page (numbered from 1 on screen; `page` counts from 0), fetched (and audited) by core only when shown: the attachments are encrypted blobs. */
function MaterialPage({ caseId, a }: { caseId: string; a: Attachment }) {
  const { t } = useTranslation();
  const page = useQuery({
    queryKey: ['cases.attachment', caseId, a.attachmentId],
    queryFn: () => call('cases.attachment', { caseId, attachmentId: a.attachmentId }),
    staleTime: Infinity,
  });
  if (page.error) return <Alert type="error" showIcon message={page.error.message} />;
  return (
    <Space direction="vertical" size={2} align="center">
      <div data-testid="material-image" data-ref={a.ref}>
        {page.data ? (
          <Image
            width={160}
            src={`data:${page.data.mime};base64,${page.data.base64}`}
            alt={t('docScreens.materials.page', { page: a.page + 1 })}
          />
        ) : (
          <Card loading style={{ width: 160 }} />
        )}
      </div>
      <Typography.Text type="secondary">{t('docScreens.materials.page', { page: a.page + 1 })}</Typography.Text>
    </Space>
  );
}

/** The case's scanned material pages as images, grouped by material, loaded when the clerk asks. */
export function CaseMaterialsCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const pages = detail.attachments.filter((a) => a.role === 'material');
  const label = (ref: string) => detail.materials.find((m) => m.code === ref)?.label ?? ref;
  const refs = [...new Set(pages.map((p) => p.ref))];
  return (
    <Card title={t('docScreens.materials.title')} size="small" data-testid="case-materials" data-pages={pages.length}>
      {pages.length === 0 ? (
        <Typography.Text type="secondary">{t('docScreens.materials.empty')}</Typography.Text>
      ) : !shown ? (
        <Button onClick={() => setShown(true)} data-testid="materials-show">
          {t('docScreens.materials.show')}
        </Button>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {refs.map((ref) => (
            <div key={ref}>
              <Typography.Text strong>{label(ref)}</Typography.Text>
              <div>
                <Image.PreviewGroup>
                  <Space wrap>
                    {pages
                      .filter((p) => p.ref === ref)
                      .sort((x, y) => x.page - y.page)
                      .map((a) => (
                        <MaterialPage key={a.attachmentId} caseId={detail.id} a={a} />
                      ))}
                  </Space>
                </Image.PreviewGroup>
              </div>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
