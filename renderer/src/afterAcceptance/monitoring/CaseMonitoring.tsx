import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitoringView } from '../../../../common/contract/methods/afterAcceptance/relief';
import { call } from '../../api/client';
import { useMayCall } from '../../components/useMayCall';
import { ReasonModal } from './ReasonModal';

/**
 * On the case page: the household's 低收入人口 monitoring, "纳入低收入人口监测" (with the reason) on a
 * refused / not-accepted case or a 低保边缘 household, and "退出监测". Nothing shows on other cases.
 */
export function CaseMonitoring({
  caseId,
  monitoring,
  mayMonitor,
  onChanged,
}: {
  caseId: string;
  monitoring: MonitoringView[];
  mayMonitor: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [asking, setAsking] = useState<{ mode: 'enter' } | { mode: 'exit'; id: string } | null>(null);
  if (!mayMonitor && monitoring.length === 0) return null;
  const done = () => {
    setAsking(null);
    onChanged();
  };
  return (
    <Card title={t('monitoring.title')} size="small" data-testid="case-monitoring">
      <Space direction="vertical" style={{ width: '100%' }}>
        {monitoring.length === 0 && <Typography.Text type="secondary">{t('monitoring.none')}</Typography.Text>}
        {monitoring.map((m) => (
          <Space key={m.id} wrap data-status={m.status} data-testid="monitoring-entry">
            <Tag color={m.status === 'active' ? 'blue' : 'default'}>{t(`monitoring.status.${m.status}`)}</Tag>
            <span>{t(`monitoring.origins.${m.origin}`)}</span>
            <span>{new Date(m.startedAt).toLocaleDateString('zh-CN')}</span>
            <span>{m.reason}</span>
            {m.endReason && <span>{`${t('monitoring.columns.endReason')}：${m.endReason}`}</span>}
            {m.status === 'active' && may('monitoring.exit') && (
              <Button size="small" onClick={() => setAsking({ mode: 'exit', id: m.id })}>
                {t('monitoring.exit')}
              </Button>
            )}
          </Space>
        ))}
        {mayMonitor && may('monitoring.enter') && (
          <div>
            <Button onClick={() => setAsking({ mode: 'enter' })}>{t('monitoring.enter')}</Button>
          </div>
        )}
      </Space>
      {asking?.mode === 'enter' && (
        <ReasonModal
          title={t('monitoring.enterTitle')}
          hint={t('monitoring.enterHint')}
          save={(reason) => call('monitoring.enter', { caseId, reason })}
          onClose={() => setAsking(null)}
          onSaved={done}
        />
      )}
      {asking?.mode === 'exit' && (
        <ReasonModal
          title={t('monitoring.exitTitle')}
          save={(reason) => call('monitoring.exit', { monitoringId: asking.id, reason })}
          onClose={() => setAsking(null)}
          onSaved={done}
        />
      )}
    </Card>
  );
}
