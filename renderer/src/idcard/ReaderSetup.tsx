import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { call } from '../api/client';
import { useReader } from './useReader';

/** Choose the reader among the serial ports; each port was probed with the SAM status command. */
export function ReaderSetup() {
  const { configure } = useReader();
  const ports = useQuery({ queryKey: ['idcard.ports'], queryFn: () => call('idcard.ports', {}) });
  const [path, setPath] = useState<string>();
  const readers = ports.data ?? [];
  const chosen = path ?? readers.find((p) => p.ok)?.path;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ minWidth: 360 }}
          loading={ports.isFetching}
          placeholder="选择读卡器所在的串口"
          value={chosen}
          onChange={setPath}
          aria-label="读卡器串口"
          options={readers.map((p) => ({
            value: p.path,
            label: `${p.path}${p.manufacturer ? `（${p.manufacturer}）` : ''} — ${p.ok ? '读卡器' : (p.error ?? '无应答')}`,
          }))}
        />
        <Button onClick={() => void ports.refetch()}>重新查找</Button>
        <Button type="primary" disabled={!chosen} loading={configure.isPending} onClick={() => chosen && configure.mutate({ kind: 'sam', path: chosen })}>
          使用此读卡器
        </Button>
      </Space>
      {ports.data && readers.length === 0 && <Alert type="info" showIcon message="没有发现串口。请插好读卡器（USB）后点“重新查找”。" />}
      {configure.isError && <Alert type="error" showIcon message={configure.error.message} />}
    </Space>
  );
}
