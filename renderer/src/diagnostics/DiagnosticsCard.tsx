import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { saveBase64File } from '../stats/saveFile';

/** 导出诊断信息: one ZIP for the county's IT (logs, versions, settings, sync state; no personal data). */
export function DiagnosticsCard() {
  const { t } = useTranslation();
  const exported = useMutation({
    mutationFn: () => call('diagnostics.export', {}),
    onSuccess: (out) => saveBase64File(out.base64, out.fileName, out.mime),
  });
  return (
    <Card title={t('diagnostics.title')}>
      <Typography.Paragraph type="secondary">{t('diagnostics.help')}</Typography.Paragraph>
      <Button onClick={() => exported.mutate()} loading={exported.isPending} data-testid="diagnostics-export">
        {t('diagnostics.export')}
      </Button>
      {exported.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon message={exported.error.message} />}
      {exported.data && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="diagnostics-done"
          message={
            <span data-verbatim>
              {t('diagnostics.done', {
                fileName: exported.data.fileName,
                files: exported.data.files.length,
                size: Math.ceil(exported.data.bytes / 1024),
              })}
            </span>
          }
        />
      )}
    </Card>
  );
}
