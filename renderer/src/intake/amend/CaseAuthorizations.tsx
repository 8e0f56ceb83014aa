import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../common/contract/index';
import { faceVerdictLabel } from '../../../../common/i18n/labels';
import { call } from '../../api/client';
import { ApplicantReports } from '../../applicant/index';
import type { AuthorizationView } from '../authorization/SignerList';
import { AuthorizationStep } from '../steps/AuthorizationStep';

type Detail = MethodOutput<'cases.get'>;

/** How the face of one authorization stood against the ID card's photo, as core recorded it. */
function cardPhotoText(a: AuthorizationView, t: (key: 'intake.cardPhotoMatched' | 'intake.cardPhotoUnavailable') => string): string {
  if (!a.face) return '—';
  if (a.face.cardPhoto === 'unavailable') return t('intake.cardPhotoUnavailable');
  return a.face.cardMatchScore === null
    ? t('intake.cardPhotoMatched')
    : `${t('intake.cardPhotoMatched')}（${a.face.cardMatchScore.toFixed(2)}）`;
}

/**
 * The case's authorizations: who signed, on the pad or on paper (with the reason), the face as core
 * judged it, the card photo match, and whether it was added after submission (补充 #n). On a case
 * still in progress a signer who has not signed can be added — as an amendment; a signer who signed
 * is refused by core (nothing on file is replaced).
 */
export function CaseAuthorizations({ detail, amendable }: { detail: Detail; amendable: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const settings = useQuery({ queryKey: ['cases.settings'], queryFn: () => call('cases.settings', {}), enabled: open });
  const caseId = detail.id;
  const ensureSaved = useCallback(() => Promise.resolve({ caseId }), [caseId]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<AuthorizationView>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={detail.authorizations}
        data-testid="case-authorizations"
        onRow={(a) => ({ 'data-signer': a.signerIdNumber, 'data-route': a.route }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('intake.signer'), dataIndex: 'signerName' },
          {
            title: t('caseView.authRoute'),
            key: 'route',
            render: (_: unknown, a) => (
              <Space size={4} wrap>
                <Tag color={a.route === 'paper' ? 'purple' : 'blue'}>{t(`intake.routes.${a.route}`)}</Tag>
                {a.paperReason && <span>{t(`intake.paper.reasons.${a.paperReason}`)}</span>}
              </Space>
            ),
          },
          { title: t('caseView.signedAt'), dataIndex: 'signedAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          {
            title: t('intake.face'),
            key: 'face',
            render: (_: unknown, a) => (a.face ? faceVerdictLabel(a.face.verdict) : a.faceVerdict ? faceVerdictLabel(a.faceVerdict) : '—'),
          },
          { title: t('caseView.cardPhoto'), key: 'cardPhoto', render: (_: unknown, a) => cardPhotoText(a, t) },
          {
            title: '',
            key: 'amendment',
            render: (_: unknown, a) =>
              a.amendment ? <Tag data-amendment={a.amendment}>{t('intake.amendment', { n: a.amendment })}</Tag> : null,
          },
          { title: t('caseView.recordedBy'), dataIndex: 'recordedBy' },
        ]}
      />
      {amendable && !open && (
        <Button onClick={() => setOpen(true)} data-testid="amend-authorization">
          {t('intake.amend.authorization')}
        </Button>
      )}
      {amendable && open && (
        <>
          <Typography.Text type="secondary">{t('intake.amend.hint')}</Typography.Text>
          <AuthorizationStep
            title={t('intake.amend.authorization')}
            signers={detail.requiredSigners}
            authorizations={detail.authorizations}
            faceRequired={settings.data?.settings.faceRequired ?? true}
            paperFaceRequired={settings.data?.settings.paperFaceRequired ?? false}
            ensureSaved={ensureSaved}
            onSigned={() => void client.invalidateQueries({ queryKey: ['cases.get', caseId] })}
          />
          <ApplicantReports />
        </>
      )}
    </Space>
  );
}
