import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

/**
 * 窗口号: the two digits of this counter's case numbers. Editable by an administrator before the
 * workstation registers; afterwards the platform's assignment is shown, locked.
 */
export function CounterNoForm({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const counter = useQuery({ queryKey: ['sync.counter'], queryFn: () => call('sync.counter', {}) });
  const save = useMutation({
    mutationFn: (counterNo: number) => call('sync.setCounter', { counterNo }),
    onSuccess: () => void counter.refetch(),
  });
  const c = counter.data;
  if (!c) return null;
  if (c.locked || !canEdit)
    return (
      <Typography.Text data-testid="sync-counter">
        {c.locked ? t('sync.counterAssigned', { counterNo: c.counterNo }) : `${t('sync.counterNo')}：${c.counterNo}`}
      </Typography.Text>
    );
  return (
    <Space direction="vertical">
      <Form layout="inline" initialValues={{ counterNo: c.counterNo }} onFinish={(v: { counterNo: number }) => save.mutate(v.counterNo)}>
        <Form.Item name="counterNo" label={t('sync.counterNo')} rules={[{ required: true }]} extra={t('sync.counterNoHelp')}>
          <InputNumber min={1} max={99} precision={0} data-testid="sync-counter-input" />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending}>
          {t('sync.save')}
        </Button>
      </Form>
      {save.isError && <Alert type="error" showIcon message={save.error.message} />}
    </Space>
  );
}
