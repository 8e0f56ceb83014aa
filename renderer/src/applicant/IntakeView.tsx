import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../common/contract/methods/applicant';
import type { SignatureCapture } from '../../../common/capture/schemas';
import { call } from '../api/client';
import { SignaturePad } from '../capture/signature/SignaturePad';

type Intake = Extract<ApplicantView, { kind: 'intake' }>;

/** The applicant's own record in large type, their signature and their 确认 (one view at a time). */
export function IntakeView({ view }: { view: Intake }) {
  const { t } = useTranslation();
  const [signed, setSigned] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = view.applicant;
  const send = (p: Promise<unknown>, done: () => void) =>
    p.then(done, (e: Error) => setError(e.message));

  const rows: Array<[string, string | undefined]> = [
    [t('applicant.idNumber'), a.idNumber],
    [t('applicant.sex'), a.sex],
    [t('applicant.birthDate'), a.birthDate],
    [t('applicant.phone'), a.phone],
    [t('applicant.address'), a.address],
    [t('applicant.type'), view.type ? `${t(`cases.types.${view.type}`)}${view.subtype ? `（${t(`cases.subtypes.${view.subtype}`)}）` : ''}` : undefined],
    [t('applicant.members'), view.members.length ? view.members.map((m) => `${m.name}（${m.relationship}）`).join('、') : undefined],
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="applicant-intake">
      <Typography.Text style={{ fontSize: 28 }}>{t('applicant.recording')}</Typography.Text>
      <Typography.Title data-testid="applicant-name" style={{ fontSize: 72, margin: 0 }}>
        {a.name}
      </Typography.Title>
      <Descriptions column={1} bordered size="middle" labelStyle={{ fontSize: 26, width: 220 }} contentStyle={{ fontSize: 32 }}>
        {rows
          .filter((r): r is [string, string] => Boolean(r[1]))
          .map(([label, value]) => (
            <Descriptions.Item key={label} label={label}>
              {value}
            </Descriptions.Item>
          ))}
      </Descriptions>
      {view.askSignature &&
        (signed ? (
          <Alert type="success" showIcon title={t('applicant.signed')} data-testid="applicant-signed" />
        ) : (
          <>
            <Typography.Title level={2}>{t('applicant.signHere')}</Typography.Title>
            <SignaturePad signer={a.name} width={800} height={280} onCaptured={(s: SignatureCapture) => void send(call('applicant.sign', { viewId: view.viewId, signature: s }), () => setSigned(true))} />
          </>
        ))}
      {view.askConfirm &&
        (confirmed ? (
          <Alert type="success" showIcon title={t('applicant.confirmed')} data-testid="applicant-confirmed" />
        ) : (
          <Button type="primary" size="large" style={{ fontSize: 32, height: 80, padding: '0 48px' }} data-testid="applicant-confirm" onClick={() => void send(call('applicant.confirm', { viewId: view.viewId }), () => setConfirmed(true))}>
            {t('applicant.confirm')}
          </Button>
        ))}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
