import { useQuery } from '@tanstack/react-query';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rolesGrant } from '../../../common/contract/permissions';
import { call } from '../api/client';
import { useSession } from '../session/useSession';

/** The home page's count of 差评 waiting for the head's 回访/整改, with the way to the list; only for those who follow them up. */
export function HomeFlaggedRatings() {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = Boolean(session.data && rolesGrant(session.data.roles, 'rating.followUp'));
  const q = useQuery({
    queryKey: ['ratings.flagged', 'open'],
    queryFn: () => call('ratings.flagged', { status: 'open' }),
    enabled: allowed,
  });
  if (!allowed || !q.data) return null;
  return (
    <Card size="small" title={t('ratings.home.title')} data-testid="home-flagged-ratings" data-count={q.data.open}>
      <Typography.Text strong={q.data.open > 0} type={q.data.open > 0 ? 'danger' : undefined}>
        {q.data.open > 0 ? t('ratings.home.count', { count: q.data.open }) : t('ratings.home.none')}
      </Typography.Text>
      {q.data.open > 0 && (
        <Button type="link" onClick={() => (window.location.hash = '#/ratings')} data-testid="home-flagged-open">
          {t('ratings.home.open')}
        </Button>
      )}
    </Card>
  );
}
