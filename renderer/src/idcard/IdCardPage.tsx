import { Alert, App, Button, Card, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesGrant } from '../../../common/contract/permissions';
import { useCoreEvent } from '../api/useCoreEvent';
import { useSession } from '../session/useSession';
import { CardView } from './CardView';
import { readFailedMessage } from './readCard';
import { useF2 } from './useF2';
import { ReaderSetup } from './ReaderSetup';
import { ReaderBadge, ReaderSummary } from './ReaderStatus';
import { useReader, type CardRead } from './useReader';

/**
 * 读卡: the reader's state, the 读卡 button (F2), automatic reading, and the card as read. Only an
 * admin chooses the reader (here too when the user also reads cards, else in 读卡器设置).
 */
export function IdCardPage() {
  const { t } = useTranslation();
  const { state, watch, read } = useReader();
  const session = useSession();
  const mayConfigure = session.data ? rolesGrant(session.data.roles, 'admin.settings') : false;
  const [card, setCard] = useState<CardRead | null>(null);
  useCoreEvent('idcard.card', setCard);
  useEffect(() => {
    if (read.data) setCard(read.data);
  }, [read.data]);

  const { message } = App.useApp();
  // F2 always answers: before the reader's state is in, or with no reader chosen, it says why it cannot read.
  useF2(() => {
    if (!state.data) void message.info(t('idcard.page.f2Waiting'));
    else if (!state.data.reader) void message.warning(t('idcard.page.f2NoReader'));
    else if (!read.isPending) read.mutate();
  });

  const reader = state.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 980 }}>
      <Card title={t('idcard.page.readerTitle')} extra={reader && <ReaderBadge reader={reader} />}>
        <ReaderSummary reader={reader}>
          {mayConfigure ? <ReaderSetup /> : <Typography.Text type="secondary">{t('idcard.setup.adminOnly')}</Typography.Text>}
        </ReaderSummary>
      </Card>
      <Card
        title={t('idcard.page.readTitle')}
        extra={
          <Space>
            <span>{t('idcard.page.autoRead')}</span>
            <Switch
              aria-label={t('idcard.page.autoRead')}
              checked={reader?.watching ?? false}
              disabled={!reader?.reader}
              loading={watch.isPending}
              onChange={(on) => watch.mutate(on)}
            />
            <Button type="primary" size="large" disabled={!reader?.reader} loading={read.isPending} onClick={() => read.mutate()}>
              {t('idcard.page.read')}
            </Button>
          </Space>
        }
      >
        {read.isError && (
          <Alert
            style={{ marginBottom: 12 }}
            type="error"
            showIcon
            message={readFailedMessage(t, read.error, t('idcard.page.read'))}
            data-testid="read-error"
          />
        )}
        {watch.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={watch.error.message} />}
        {card ? <CardView read={card} /> : <Typography.Text type="secondary">{t('idcard.page.placeCard')}</Typography.Text>}
      </Card>
    </Space>
  );
}
