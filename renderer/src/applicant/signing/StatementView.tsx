import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShownStatement } from './statementText';

/** The 授权书 in the screen's body size (the 大字 switch scales it), what it is for when it is the review's, one field a line, the consent in paragraphs. */
export function StatementView({ shown }: { shown: ShownStatement }) {
  const { t } = useTranslation();
  return (
    <div
      data-testid="applicant-statement"
      style={{ background: '#fff', border: '2px solid #1f1f1f', borderRadius: 8, padding: '0.6em 1em' }}
    >
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: '1.4em' }}>
        {shown.title}
      </Typography.Title>
      {shown.purpose === 'review' && (
        <Typography.Paragraph strong style={{ margin: '0 0 0.3em', fontSize: '1em' }} data-testid="statement-purpose">
          {t('applicant.signing.forReview')}
        </Typography.Paragraph>
      )}
      {shown.fields.map((f) => (
        <Typography.Paragraph key={f.label} style={{ margin: 0, fontSize: '1em' }} data-field={f.label}>
          {f.label}：{f.value}
        </Typography.Paragraph>
      ))}
      {shown.paragraphs.map((p) => (
        <Typography.Paragraph key={p} style={{ margin: '0.5em 0 0', fontSize: '1em', lineHeight: 1.6 }}>
          {p}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
