import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../common/contract/methods/applicant';
import { call } from '../api/client';

type Intake = Extract<ApplicantView, { kind: 'intake' }>;

/**
 * The applicant's own record in large type (the ID number masked, as the view carries it) and their
 * 确认 — one task on the screen. Signing is its own view (signing/SigningView.tsx).
 */
export function IntakeView({ view }: { view: Intake }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = view.applicant;

  const rows: Array<[string, string | undefined]> = [
    [t('applicant.idNumber'), a.idNumber],
    [t('applicant.sex'), a.sex],
    [t('applicant.birthDate'), a.birthDate],
    [t('applicant.phone'), a.phone],
    [t('applicant.address'), a.address],
    [
      t('applicant.type'),
      view.type ? `${t(`cases.types.${view.type}`)}${view.subtype ? `（${t(`cases.subtypes.${view.subtype}`)}）` : ''}` : undefined,
    ],
    [t('applicant.members'), view.members.length ? view.members.map((m) => `${m.name}（${m.relationship}）`).join('、') : undefined],
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="applicant-intake">
      <Typography.Text style={{ fontSize: '1.1em' }}>{t('applicant.recording')}</Typography.Text>
      <Typography.Title data-testid="applicant-name" style={{ fontSize: '2.6em', margin: 0 }}>
        {a.name}
      </Typography.Title>
      <Descriptions
        column={1}
        bordered
        size="middle"
        styles={{ label: { fontSize: '1em', width: '9em', color: 'inherit' }, content: { fontSize: '1.2em' } }}
      >
        {rows
          .filter((r): r is [string, string] => Boolean(r[1]))
          .map(([label, value]) => (
            <Descriptions.Item key={label} label={label}>
              {value}
            </Descriptions.Item>
          ))}
      </Descriptions>
      {view.askConfirm &&
        (confirmed ? (
          <Alert type="success" showIcon title={t('applicant.confirmed')} data-testid="applicant-confirmed" />
        ) : (
          <Button
            type="primary"
            size="large"
            style={{ fontSize: '1.3em', height: 'auto', padding: '0.4em 1.6em' }}
            data-testid="applicant-confirm"
            onClick={() =>
              void call('applicant.confirm', { viewId: view.viewId }).then(
                () => setConfirmed(true),
                (e: Error) => setError(e.message),
              )
            }
          >
            {t('applicant.confirm')}
          </Button>
        ))}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
