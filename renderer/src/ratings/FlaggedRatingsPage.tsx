import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Empty, Input, List, Radio, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlaggedRating } from '../../../common/contract/methods/ratings';
import { call } from '../api/client';
import { fieldMessage } from '../api/formErrors';

type Status = 'open' | 'done' | 'all';
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN');

/** The head records a 回访 or 整改 on one 差评; `close` ends it. */
function FollowUpForm({ rating, onSaved }: { rating: FlaggedRating; onSaved: () => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<'callback' | 'rectify'>('callback');
  const [note, setNote] = useState('');
  const [close, setClose] = useState(false);
  const save = useMutation({
    mutationFn: () => call('ratings.followUp', { ratingId: rating.ratingId, action, note, close }),
    onSuccess: () => {
      setNote('');
      setClose(false);
      onSaved();
    },
  });
  const noteError = save.error ? (fieldMessage(save.error, 'note') ?? null) : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rating-follow-up-form">
      <Space wrap>
        <Typography.Text>{t('ratings.page.action')}</Typography.Text>
        <Radio.Group value={action} onChange={(e) => setAction(e.target.value as typeof action)} aria-label={t('ratings.page.action')}>
          <Radio value="callback">{t('ratings.actions.callback')}</Radio>
          <Radio value="rectify">{t('ratings.actions.rectify')}</Radio>
        </Radio.Group>
      </Space>
      <label>
        {t('ratings.page.note')}
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={note}
          status={noteError ? 'error' : undefined}
          placeholder={t('ratings.page.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          data-testid="rating-follow-up-note"
        />
      </label>
      {noteError && <Typography.Text type="danger">{noteError}</Typography.Text>}
      {save.error && !noteError && <Alert type="error" showIcon message={save.error.message} />}
      <Space>
        <Checkbox checked={close} onChange={(e) => setClose(e.target.checked)} data-testid="rating-follow-up-close">
          {t('ratings.page.close')}
        </Checkbox>
        <Button
          type="primary"
          loading={save.isPending}
          disabled={!note.trim()}
          onClick={() => save.mutate()}
          data-testid="rating-follow-up-save"
        >
          {t('ratings.page.save')}
        </Button>
      </Space>
    </Space>
  );
}

/** 差评回访整改: the station's 差评 with the applicant's reasons, who served, and the head's follow-ups. */
export function FlaggedRatingsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>('open');
  const q = useQuery({ queryKey: ['ratings.flagged', status], queryFn: () => call('ratings.flagged', { status }) });
  const refresh = () => void client.invalidateQueries({ queryKey: ['ratings.flagged'] });
  return (
    <Card title={t('ratings.page.title')} data-testid="ratings-page">
      <Typography.Paragraph>{t('ratings.page.hint')}</Typography.Paragraph>
      <Segmented<Status>
        value={status}
        onChange={setStatus}
        options={(['open', 'done', 'all'] as const).map((s) => ({ value: s, label: t(`ratings.page.filter.${s}`) }))}
        style={{ marginBottom: 12 }}
      />
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      {q.data && q.data.rows.length === 0 ? (
        <Empty description={t('ratings.page.empty')} />
      ) : (
        <List
          loading={q.isPending}
          dataSource={q.data?.rows ?? []}
          data-testid="ratings-list"
          renderItem={(r) => (
            <List.Item key={r.ratingId} data-rating-id={r.ratingId} data-status={r.status}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={r.level === 'very_dissatisfied' ? 'red' : 'orange'} data-testid="rating-level">
                    {t(`ratings.levels.${r.level}`)}
                  </Tag>
                  <span>{t(`ratings.services.${r.service}`)}</span>
                  <span data-testid="rating-case-no">{r.caseNo ?? t('ratings.page.noCase')}</span>
                  <span>
                    {t('ratings.page.columns.ratedAt')}：{time(r.ratedAt)}
                  </span>
                  <span>
                    {t('ratings.page.columns.servedBy')}：{r.servedByName}
                  </span>
                  <Tag color={r.status === 'open' ? 'gold' : 'green'}>{t(`ratings.page.status.${r.status}`)}</Tag>
                </Space>
                <Typography.Text data-testid="rating-reasons">
                  {t('ratings.page.columns.reasons')}：
                  {[...r.reasons.map((x) => t(`ratings.reasons.${x}`)), ...(r.comment ? [`“${r.comment}”`] : [])].join('、')}
                </Typography.Text>
                {r.followUps.map((f, i) => (
                  <Typography.Text key={i} data-testid="rating-follow-up">
                    {t(`ratings.actions.${f.action}`)}：{f.note}（{t('ratings.page.by', { name: f.byName, time: time(f.at) })}）
                    {f.closed ? ` ${t('ratings.page.closedTag')}` : ''}
                  </Typography.Text>
                ))}
                {r.status === 'open' && <FollowUpForm rating={r} onSaved={refresh} />}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
