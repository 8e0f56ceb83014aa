import { Alert, Badge, Button, Card, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCoreEvent } from '../api/useCoreEvent';
import { CardView } from './CardView';
import { ReaderSetup } from './ReaderSetup';
import { useReader, type CardRead, type ReaderState } from './useReader';

const BADGE: Record<ReaderState['status'], 'success' | 'processing' | 'default' | 'error' | 'warning'> = {
  connected: 'success',
  reading: 'processing',
  idle: 'default',
  'not-configured': 'warning',
  'no-reader': 'warning',
  error: 'error',
};

/** 读卡: the reader's state, the 读卡 button (F2), automatic reading, and the card as read. */
export function IdCardPage() {
  const { state, watch, read } = useReader();
  const [card, setCard] = useState<CardRead | null>(null);
  useCoreEvent('idcard.card', setCard);
  useEffect(() => {
    if (read.data) setCard(read.data);
  }, [read.data]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' && state.data?.reader && !read.isPending) {
        e.preventDefault();
        read.mutate();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state.data?.reader, read]);

  const reader = state.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 980 }}>
      <Card
        title="身份证读卡器"
        extra={
          reader && (
            <span data-testid="reader-status" data-status={reader.status}>
              <Badge status={BADGE[reader.status]} text={reader.message} />
            </span>
          )
        }
      >
        {reader?.emulated && (
          <Alert style={{ marginBottom: 12 }} type="warning" showIcon message="当前是模拟读卡器（演示用），读出的不是真实证件。" />
        )}
        {reader?.reader && (
          <Typography.Paragraph>
            当前读卡器：<Typography.Text code>{reader.reader}</Typography.Text> {reader.emulated && <Tag color="orange">模拟读卡器</Tag>}
          </Typography.Paragraph>
        )}
        <ReaderSetup />
      </Card>
      <Card
        title="读取证件"
        extra={
          <Space>
            <span>自动读卡</span>
            <Switch aria-label="自动读卡" checked={reader?.watching ?? false} disabled={!reader?.reader} loading={watch.isPending} onChange={(on) => watch.mutate(on)} />
            <Button type="primary" size="large" disabled={!reader?.reader} loading={read.isPending} onClick={() => read.mutate()}>
              读卡（F2）
            </Button>
          </Space>
        }
      >
        {read.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={read.error.message} />}
        {watch.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={watch.error.message} />}
        {card ? <CardView read={card} /> : <Typography.Text type="secondary">请把身份证平放在读卡器感应区，然后按“读卡”或打开自动读卡。</Typography.Text>}
      </Card>
    </Space>
  );
}
