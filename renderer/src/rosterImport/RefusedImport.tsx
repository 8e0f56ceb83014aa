import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/contract/index';
import { rolesGrant } from '../../../common/contract/permissions';
import type { MessageKey } from '../../../common/i18n/translate';
import { call } from '../api/client';
import { useSession } from '../session/useSession';

type Refused = MethodOutput<'rosterImport.refused'>['rows'][number];
type Values = Refused['station'];

const REFUSED_KEY = ['rosterImport.refused'] as const;

/**
 * The station head's view of the imports the platform refused (`rosterImport.refused`), by record id,
 * fetched only when the sync centre lists one and the user may settle it (roster.import).
 */
export function useRefusedImports(rows: ReadonlyArray<{ kind: string; status: string }>): ReadonlyMap<string, Refused> {
  const session = useSession();
  const allowed = session.data ? rolesGrant(session.data.roles, 'roster.import') : false;
  const any = rows.some((r) => r.kind === 'roster.imported' && r.status === 'rejected');
  const list = useQuery({
    queryKey: [...REFUSED_KEY, rows.length],
    queryFn: () => call('rosterImport.refused', {}),
    enabled: allowed && any,
  });
  return new Map((list.data?.rows ?? []).map((r) => [r.recordId, r]));
}

function useValues() {
  const { t } = useTranslation();
  return (v: Values) =>
    t('rosterImport.refused.values', {
      category: t(`roster.categories.${v.category}` as MessageKey),
      amount: (v.amountFen / 100).toFixed(2),
      since: v.sinceMonth,
    });
}

/** The platform's reason, another station's code in it shown as it is (a code, not words). */
export function RefusedReason({ reason, refused }: { reason: string; refused: Refused | undefined }) {
  const code = refused?.otherStation;
  if (!code || !reason.includes(code)) return <span>{reason}</span>;
  const [before, ...after] = reason.split(code);
  return (
    <span>
      {before}
      <span data-verbatim>{code}</span>
      {after.join(code)}
    </span>
  );
}

/** Under the platform's reason: what the platform holds, or why its values cannot be taken here (the county must transfer another station's household). */
export function RefusedImportHelp({ refused }: { refused: Refused }) {
  const { t } = useTranslation();
  const values = useValues();
  if (refused.refusal === 'other-station')
    return (
      <Typography.Text type="danger" data-testid="roster-refused-other-station">
        {t('rosterImport.refused.otherStation')}
      </Typography.Text>
    );
  return (
    <>
      {refused.platform && (
        <Typography.Text data-testid="roster-refused-platform">
          {t('rosterImport.refused.platformHolds', { values: values(refused.platform) })}
        </Typography.Text>
      )}
      {!refused.adopt.ok && refused.adopt.code !== 'ROSTER_ADOPT_SAME' && (
        <Typography.Text type="secondary" data-testid="roster-refused-blocked">
          {refused.adopt.message}
        </Typography.Text>
      )}
    </>
  );
}

/** 以平台为准并重新提交: offered only where core says the platform's values can be taken; asks first, then settles the record. */
export function AdoptPlatformButton({ refused, onDone }: { refused: Refused; onDone: () => void }) {
  const { t } = useTranslation();
  const values = useValues();
  const client = useQueryClient();
  const adopt = useMutation({
    mutationFn: () => call('rosterImport.adoptPlatform', { recordId: refused.recordId }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: REFUSED_KEY });
      void client.invalidateQueries({ queryKey: ['rosterImport.recipientConflicts'] });
      onDone();
    },
  });
  if (!refused.adopt.ok || !refused.platform) return null;
  const platform = refused.platform;
  return (
    <Button
      size="small"
      type="primary"
      loading={adopt.isPending}
      data-testid="roster-refused-adopt"
      onClick={() =>
        Modal.confirm({
          title: t('rosterImport.refused.adopt'),
          content: t('rosterImport.refused.adoptConfirm', { platform: values(platform) }),
          okText: t('rosterImport.refused.adopt'),
          okButtonProps: { 'data-testid': 'roster-refused-adopt-ok' } as Record<`data-${string}`, string>,
          cancelText: t('rosterImport.back'),
          onOk: () => adopt.mutateAsync(),
        })
      }
    >
      {t('rosterImport.refused.adopt')}
    </Button>
  );
}
