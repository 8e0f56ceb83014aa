import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Form, Radio, Select, Typography, message } from 'antd';
import { useState } from 'react';
import type { Paper } from '../../../common/contract/methods/documents/print';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../common/documents/index';
import { translate } from '../../../common/i18n/translate';
import { call } from '../api/client';

/** Printer and paper per document kind, remembered on this workstation. */
export function PrintSettingsCard() {
  const client = useQueryClient();
  const [kind, setKind] = useState<DocumentKind>('acceptance');
  const printers = useQuery({ queryKey: ['print.printers'], queryFn: () => call('print.printers', {}) });
  const settings = useQuery({ queryKey: ['print.settings'], queryFn: () => call('print.settings', {}) });
  const save = useMutation({
    mutationFn: (s: { printer: string | null; paper: Paper }) => call('print.configure', { kind, ...s }),
    onSuccess: (next) => {
      client.setQueryData(['print.settings'], next);
      void message.success(translate('documents.ui.saved'));
    },
  });
  const current = settings.data?.byKind[kind] ?? { printer: null, paper: 'A4' as Paper };
  const host = printers.data?.delivery === 'host';

  return (
    <Card size="small" title={translate('documents.ui.settingsTitle')} style={{ marginBottom: 12 }}>
      <Form layout="inline">
        <Form.Item label={translate('documents.ui.settingsKind')}>
          <Select
            style={{ width: 200 }}
            value={kind}
            onChange={setKind}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: translate(`documents.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={translate('documents.ui.settingsPrinter')}>
          {host ? (
            <Select
              style={{ width: 240 }}
              value={current.printer ?? ''}
              onChange={(p: string) => save.mutate({ printer: p || null, paper: current.paper })}
              options={[
                { value: '', label: translate('documents.ui.systemDefault') },
                ...(printers.data?.printers ?? []).map((p) => ({ value: p.name, label: p.displayName })),
              ]}
            />
          ) : (
            <Typography.Text type="secondary">{translate('documents.ui.browserChooses')}</Typography.Text>
          )}
        </Form.Item>
        <Form.Item label={translate('documents.ui.settingsPaper')}>
          <Radio.Group
            value={current.paper}
            onChange={(e) => save.mutate({ printer: current.printer ?? null, paper: e.target.value as Paper })}
            options={[
              { value: 'A4', label: translate('documents.ui.paperA4') },
              { value: 'A5', label: translate('documents.ui.paperA5') },
            ]}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
