import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../common/contract/methods/applicant';
import { call } from '../api/client';

type Part = 'name' | 'idNumber' | 'phone' | 'address' | 'members' | 'type' | 'statement' | 'other';
const PARTS: Record<'intake' | 'signing', Part[]> = {
  intake: ['name', 'idNumber', 'phone', 'address', 'members', 'type', 'other'],
  signing: ['name', 'idNumber', 'statement', 'other'],
};

/**
 * 信息有误: the applicant says which part is wrong and the clerk's screen shows it at once. One
 * question on the screen; 返回 goes back to what was shown, with nothing lost (the view stays mounted).
 */
export function ReportPanel({ view, onClose }: { view: Extract<ApplicantView, { kind: 'intake' | 'signing' }>; onClose: () => void }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<Part | null>(null);
  const [error, setError] = useState<string | null>(null);
  const report = (part: Part) =>
    call('applicant.report', { viewId: view.viewId, part }).then(
      () => setSent(part),
      (e: Error) => setError(e.message),
    );
  return (
    <div data-testid="report-panel">
      <Typography.Title level={1} style={{ fontSize: '1.6em' }}>
        {t('applicant.report.question')}
      </Typography.Title>
      {sent ? (
        <Alert
          type="success"
          showIcon
          title={t('applicant.report.sent', { part: t(`applicant.report.parts.${sent}`) })}
          data-testid="report-sent"
        />
      ) : (
        <Space wrap size="large">
          {PARTS[view.kind].map((p) => (
            <Button key={p} size="large" onClick={() => void report(p)} data-testid={`report-${p}`}>
              {t(`applicant.report.parts.${p}`)}
            </Button>
          ))}
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      <div style={{ marginTop: 24 }}>
        <Button size="large" type="primary" onClick={onClose} data-testid="report-back">
          {t('applicant.report.back')}
        </Button>
      </div>
    </div>
  );
}
