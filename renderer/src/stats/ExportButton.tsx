import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportRequest } from '../../../common/contract/methods/stats';
import { rolesGrant } from '../../../common/contract/permissions';
import { call } from '../api/client';
import { useSession } from '../session/useSession';
import { saveBase64File } from './saveFile';

type Request = ExportRequest extends infer R ? (R extends unknown ? Omit<R, 'full'> : never) : never;

/**
 * 导出 Excel for any list or table: personal data masked; users holding export.full also get
 * 导出完整数据 in the button's menu. Core checks the permission and audits every export.
 */
export function ExportButton({ request, testId = 'export-excel' }: { request: Request; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const mayExportFull = session.data ? rolesGrant(session.data.roles, 'export.full') : false;
  const run = useMutation({
    mutationFn: (full: boolean) => call('stats.export', { ...request, full } as ExportRequest),
    onSuccess: (out) => {
      saveBase64File(out.base64, out.fileName, out.mime);
      void message.success(t('stats.exported', { rows: out.rows, fileName: out.fileName }));
    },
    onError: (e) => void message.error(e.message),
  });
  if (!mayExportFull)
    return (
      <Button icon={<DownloadOutlined />} loading={run.isPending} onClick={() => run.mutate(false)} data-testid={testId}>
        {t('stats.export')}
      </Button>
    );
  return (
    <Dropdown.Button
      loading={run.isPending}
      onClick={() => run.mutate(false)}
      // Opened by a click, not by hovering: a hover menu closes under a pointer that moves on, and a counter PC may have a touch screen.
      trigger={['click']}
      menu={{ items: [{ key: 'full', label: t('stats.exportFull') }], onClick: () => run.mutate(true) }}
      data-testid={testId}
    >
      <DownloadOutlined /> {t('stats.export')}
    </Dropdown.Button>
  );
}
