import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../../common/i18n/translate';
import { call } from '../api/client';
import { useCoreEvent } from '../api/useCoreEvent';
import { IdNumberInput } from '../components/IdNumberInput';
import { DeadlineTag, StateTag, useTypeLabel } from './labels';
import { readCard, readFailedMessage } from '../idcard/readCard';
import { useAskRating } from '../ratings/useAskRating';
import { RatingScreenControl } from '../applicant/index';
import { useF2 } from '../idcard/useF2';

/** 进度查询: a card on the reader (or a typed number) opens the person's cases, where each stands and what comes next. */
export function EnquiryPage() {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const [idNumber, setIdNumber] = useState('');
  const askRating = useAskRating();
  // The enquiry answered: the applicant screen asks for a 好差评 rating (of the latest case found, if any).
  const lookup = useMutation({
    mutationFn: (id: string) => call('cases.lookup', { idNumber: id }),
    onSuccess: (rows) => askRating({ service: 'enquiry', ...(rows[0] ? { caseId: rows[0].id } : {}) }),
  });
  const read = useMutation({
    mutationFn: readCard,
    onSuccess: (r) => {
      setIdNumber(r.card.idNumber);
      lookup.mutate(r.card.idNumber);
    },
  });
  const readLabel = `${t('intake.readCard')}（F2）`;
  useF2(() => {
    if (!read.isPending) read.mutate();
  });
  useCoreEvent('idcard.card', (payload) => {
    setIdNumber(payload.card.idNumber);
    lookup.mutate(payload.card.idNumber);
  });

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 960 }}>
      <Card title={t('enquiry.title')}>
        <Typography.Paragraph type="secondary">{t('enquiry.hint')}</Typography.Paragraph>
        <Space align="start">
          <Button type="primary" onClick={() => read.mutate()} loading={read.isPending} data-testid="enquiry-read">
            {readLabel}
          </Button>
          <div style={{ width: 320 }}>
            <IdNumberInput value={idNumber} onChange={setIdNumber} onValid={(f) => lookup.mutate(f.idNumber)} />
          </div>
        </Space>
        {read.error && <Alert type="error" showIcon message={readFailedMessage(t, read.error, readLabel)} data-testid="read-error" />}
        {lookup.error && <Alert type="error" showIcon message={lookup.error.message} />}
      </Card>
      <RatingScreenControl />
      {lookup.data && (
        <Card>
          {lookup.data.length === 0 ? (
            <Empty description={t('enquiry.none')} />
          ) : (
            <List
              data-testid="enquiry-results"
              dataSource={lookup.data}
              renderItem={(c) => (
                <List.Item data-case-id={c.id}>
                  <Space direction="vertical">
                    <Space wrap>
                      <strong>{c.caseNo}</strong>
                      <span>{typeLabel(c)}</span>
                      <StateTag state={c.state} />
                      <Tag>{t(`enquiry.role.${c.role}`)}</Tag>
                      <DeadlineTag d={c.nextDeadline} />
                    </Space>
                    <span data-testid="enquiry-next">
                      {t('enquiry.next')}：{t(c.nextStepKey as MessageKey)}
                    </span>
                    <Typography.Text type="secondary">
                      {t('enquiry.lastEvent')}：{new Date(c.lastEventAt).toLocaleString('zh-CN')}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
