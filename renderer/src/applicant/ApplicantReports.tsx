import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoreEvent } from '../api/useCoreEvent';

type Report = { viewId: string; part: string; at: string };

/**
 * 信息有误 on the clerk's side: what the applicant pointed out on the paired applicant screen (naming
 * the part), shown at once on the page the clerk is working on — the intake, the case page's 补签,
 * the review's re-signing — until the clerk closes it. Nothing waits for it.
 */
export function ApplicantReports() {
  const { t } = useTranslation();
  const [reports, setReports] = useState<Report[]>([]);
  useCoreEvent('applicant.reply', (r) => {
    if (r.kind === 'reported') setReports((list) => [...list, { viewId: r.viewId, part: r.part, at: r.at }]);
  });
  return (
    <>
      {reports.map((r) => (
        <Alert
          key={`${r.viewId}-${r.at}`}
          type="warning"
          showIcon
          closable
          title={t('applicant.report.toClerk', {
            part: t(`applicant.report.parts.${r.part as 'other'}`),
            time: new Date(r.at).toLocaleTimeString('zh-CN'),
          })}
          onClose={() => setReports((list) => list.filter((x) => x !== r))}
          style={{ marginTop: 8 }}
          data-testid="applicant-report-alert"
          data-part={r.part}
        />
      ))}
    </>
  );
}
