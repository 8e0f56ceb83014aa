import { App, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../common/contract/methods/applicant';
import {
  isBadLevel,
  RATING_LEVELS,
  ratingProblem,
  REASONS_BY_LEVEL,
  COMMENT_MAX,
  type RatingLevel,
  type RatingReason,
} from '../../../../common/ratings/scale';
import { call } from '../../api/client';
import { fieldMessage } from '../../api/formErrors';
import { INK, PAPER } from '../textSize';
import { useWalkAway } from './useWalkAway';

type Rating = Extract<ApplicantView, { kind: 'rating' }>;

/** Dark blue with white, near-black on white: every pair on this view is at least 7:1. */
const BLUE = '#0b3d91';
const RED = '#8a1010';
const big = { fontSize: '1.15em', height: 'auto', padding: '0.5em 1em', whiteSpace: 'normal' as const };
const chosenStyle = (bad: boolean) => ({ ...big, background: bad ? RED : BLUE, borderColor: bad ? RED : BLUE, color: PAPER });
const plainStyle = { ...big, background: PAPER, borderColor: INK, color: INK, borderWidth: 2 };

/**
 * 好差评 on the applicant screen: one question, five large choices of the national scale, then the
 * reasons offered at that level (a 差评 asks for one) and an optional comment. 暂不评价 and a walk-away
 * (no touch for the view's idleSeconds, or the question lapsing) leave no rating.
 */
export function RatingView({ view }: { view: Rating }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const dismiss = (why: 'skipped' | 'timeout') => void call('ratings.dismiss', { viewId: view.viewId, why }).catch(() => undefined);
  useWalkAway(view.viewId, view.idleSeconds * 1000, view.expiresAt, () => dismiss('timeout'));

  const choose = (l: RatingLevel) => {
    setLevel(l);
    setReasons((rs) => rs.filter((r) => REASONS_BY_LEVEL[l].includes(r)));
    setError(null);
  };
  const toggle = (r: RatingReason) => {
    setReasons((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
    setError(null);
  };
  const submit = async () => {
    if (!level) return;
    const problem = ratingProblem({ level, reasons, comment });
    if (problem) return setError(t(problem === 'reason_required' ? 'ratings.reasonRequired' : 'ratings.reasonNotOffered'));
    setBusy(true);
    try {
      await call('ratings.submit', { viewId: view.viewId, level, reasons, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      void message.success({ content: t('ratings.screen.thanks'), duration: 4 });
    } catch (e) {
      setError(fieldMessage(e, 'reasons') ?? (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const bad = level !== null && isBadLevel(level);
  return (
    <Space
      orientation="vertical"
      size="large"
      style={{ width: '100%', color: INK }}
      data-testid="applicant-rating"
      data-level={level ?? ''}
    >
      <Typography.Title style={{ fontSize: '1.6em', margin: 0, color: INK }}>{t('ratings.screen.title')}</Typography.Title>
      <Typography.Text style={{ fontSize: '1.1em', color: INK }} data-testid="rating-service">
        {t('ratings.screen.service', { service: t(`ratings.services.${view.service}`) })}
      </Typography.Text>
      {level === null ? (
        <>
          <Typography.Text style={{ color: INK }}>{t('ratings.screen.chooseLevel')}</Typography.Text>
          <Space wrap size="middle" role="radiogroup" aria-label={t('ratings.screen.chooseLevel')}>
            {RATING_LEVELS.map((l) => (
              <Button
                key={l}
                role="radio"
                aria-checked={false}
                style={plainStyle}
                onClick={() => choose(l)}
                data-testid={`rating-level-${l}`}
              >
                {t(`ratings.levels.${l}`)}
              </Button>
            ))}
          </Space>
        </>
      ) : (
        <>
          <Space wrap size="middle">
            <Button style={chosenStyle(bad)} aria-pressed data-testid="rating-chosen">
              {t(`ratings.levels.${level}`)}
            </Button>
            <Button style={plainStyle} onClick={() => setLevel(null)} data-testid="rating-back">
              {t('ratings.screen.back')}
            </Button>
          </Space>
          <Typography.Text style={{ color: INK }}>{t(bad ? 'ratings.screen.whyBad' : 'ratings.screen.whyGood')}</Typography.Text>
          <Space wrap size="middle">
            {REASONS_BY_LEVEL[level].map((r) => (
              <Button
                key={r}
                aria-pressed={reasons.includes(r)}
                style={reasons.includes(r) ? chosenStyle(bad) : plainStyle}
                onClick={() => toggle(r)}
                data-testid={`rating-reason-${r}`}
              >
                {t(`ratings.reasons.${r}`)}
              </Button>
            ))}
          </Space>
          <label style={{ display: 'block', color: INK }}>
            {t(bad ? 'ratings.screen.commentBadLabel' : 'ratings.screen.commentLabel')}
            <Input.TextArea
              value={comment}
              maxLength={COMMENT_MAX}
              rows={2}
              onChange={(e) => (setComment(e.target.value), setError(null))}
              style={{ fontSize: '1em', color: INK, borderColor: INK, marginTop: 8 }}
              status={error ? 'error' : undefined}
              data-testid="rating-comment"
            />
          </label>
          {error && (
            <Typography.Text style={{ color: RED, fontSize: '1em' }} role="alert" data-testid="rating-error">
              {error}
            </Typography.Text>
          )}
          <Button
            type="primary"
            style={{ ...chosenStyle(false), fontSize: '1.3em' }}
            loading={busy}
            onClick={() => void submit()}
            data-testid="rating-submit"
          >
            {t('ratings.screen.submit')}
          </Button>
        </>
      )}
      <Space wrap size="middle" align="center">
        <Button style={plainStyle} onClick={() => dismiss('skipped')} data-testid="rating-skip">
          {t('ratings.screen.skip')}
        </Button>
        <Typography.Text style={{ color: INK }}>{t('ratings.screen.note')}</Typography.Text>
      </Space>
    </Space>
  );
}
