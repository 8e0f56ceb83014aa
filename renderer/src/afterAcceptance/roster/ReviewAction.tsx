import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterRow } from '../../../../common/contract/methods/afterAcceptance/roster';
import { ReviewDrawer } from './ReviewDrawer';

/** The roster row's 复核 action: opens the periodic review of that household. */
export function ReviewAction({ row, onChanged }: { row: RosterRow; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (row.status !== 'active') return null;
  // A proposed change waits for its decision; the household is reviewed again after it.
  if (row.pendingChange)
    return (
      <Tag color="orange" data-testid={`change-pending-${row.id}`}>
        {t('changes.waiting')}
      </Tag>
    );
  return (
    <>
      <Button
        size="small"
        type={row.due === 'later' ? 'default' : 'primary'}
        onClick={() => setOpen(true)}
        data-testid={`review-${row.id}`}
      >
        {t('reviews.action')}
      </Button>
      {open && (
        <ReviewDrawer
          rosterId={row.id}
          onClose={() => {
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </>
  );
}
