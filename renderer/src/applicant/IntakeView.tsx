import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../common/contract/methods/applicant';
import type { SignatureCapture } from '../../../common/capture/schemas';
import { sha256Hex } from '../../../common/capture/signatureBinding';
import { call } from '../api/client';
import { SignaturePad } from '../capture/index';

type Intake = Extract<ApplicantView, { kind: 'intake' }>;

/**
 * The applicant's own record in large type, their signature and their 确认 (one view at a time).
 * A signature asked for on a statement shows the statement and is bound to the SHA-256 of that text.
 */
export function IntakeView({ view }: { view: Intake }) {
  const { t } = useTranslation();
  const [signed, setSigned] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [statementHash, setStatementHash] = useState<string | null>(null);
  const a = view.applicant;
  useEffect(() => {
    let live = true;
    setStatementHash(null);
    if (view.statement) void sha256Hex(view.statement).then((h) => live && setStatementHash(h));
    return () => {
      live = false;
    };
  }, [view.statement]);
  const padReady = !view.statement || statementHash !== null;
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
            {view.statement && (
              <Typography.Paragraph style={{ fontSize: 24, whiteSpace: 'pre-line' }} data-testid="applicant-statement">
                {view.statement}
              </Typography.Paragraph>
            )}
            <Typography.Title level={2}>{t('applicant.signHere')}</Typography.Title>
            {padReady && (
              <SignaturePad
                signer={a.name}
                {...(statementHash ? { documentHash: statementHash } : {})}
                width={800}
                height={280}
                onCaptured={(s: SignatureCapture) => void send(call('applicant.sign', { viewId: view.viewId, signature: s }), () => setSigned(true))}
              />
            )}
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
