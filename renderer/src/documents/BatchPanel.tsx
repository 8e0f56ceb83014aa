import { Alert, Button, Card, Progress, Space } from 'antd';
import type { PrintBatch } from '../../../common/contract/methods/documents/print';
import { translate } from '../../../common/i18n/translate';
import type { useBatchRunner } from './useBatchRunner';

const STATUS: Record<PrintBatch['state'], 'active' | 'normal' | 'exception' | 'success'> = {
  running: 'active',
  paused: 'normal',
  error: 'exception',
  done: 'success',
  cancelled: 'normal',
};
const LABEL = {
  running: 'documents.ui.batchRunning',
  paused: 'documents.ui.batchPaused',
  error: 'documents.ui.batchError',
  done: 'documents.ui.batchDone',
  cancelled: 'documents.ui.batchCancelled',
} as const;

/** Progress of a batch, with pause, resume after an error, and cancel. */
export function BatchPanel({ runner }: { runner: ReturnType<typeof useBatchRunner> }) {
  const { batch, error, busy } = runner;
  if (!batch) return null;
  const finished = batch.state === 'done' || batch.state === 'cancelled';
  return (
    <Card
      size="small"
      title={translate('documents.ui.batchTitle')}
      style={{ marginBottom: 12 }}
      data-testid="batch-panel"
      data-state={batch.state}
    >
      <Progress percent={batch.total ? Math.round((batch.printed / batch.total) * 100) : 100} status={STATUS[batch.state]} />
      <Space wrap style={{ marginBottom: 8 }}>
        <span data-testid="batch-progress">{translate('documents.ui.batchProgress', { printed: batch.printed, total: batch.total })}</span>
        <span>{translate(LABEL[batch.state])}</span>
      </Space>
      {(error ?? batch.lastError) && batch.state === 'error' && (
        <Alert type="error" showIcon message={error ?? batch.lastError} style={{ marginBottom: 8 }} />
      )}
      <Space>
        {batch.state === 'running' && <Button onClick={() => void runner.pause()}>{translate('documents.ui.pause')}</Button>}
        {(batch.state === 'paused' || batch.state === 'error') && (
          <Button type="primary" disabled={busy} onClick={() => void runner.resume()}>
            {translate('documents.ui.resume')}
          </Button>
        )}
        {!finished && (
          <Button danger onClick={() => void runner.cancel()}>
            {translate('documents.ui.cancel')}
          </Button>
        )}
        {finished && <Button onClick={runner.dismiss}>{translate('documents.ui.close')}</Button>}
      </Space>
    </Card>
  );
}
