import { ROLES, ROLE_PERMISSIONS, type Permission } from '../contract/permissions';
import { translate } from './translate';

/** The roles whose holders may do what `permission` allows, in words: 受理员、经办人或站长. */
export function rolesGranting(permission: Permission): string {
  const names = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission)).map((r) => translate(`roles.${r}`));
  return names.length > 1 ? `${names.slice(0, -1).join('、')}${translate('sync.or')}${names[names.length - 1]!}` : (names[0] ?? '');
}

/** What a sync run reports about itself (the contract's run summary and outcome). */
export interface RunFacts {
  outcome: 'running' | 'ok' | 'partial' | 'failed' | 'cancelled' | 'pending';
  summary: { pushed: number; acknowledged: number; rejected: number; conflicts: number; blobsDeferred: number };
}

/**
 * A run's outcome in words, with its counts where they matter: 成功; 有冲突 / 被退回 when the
 * platform took none of the records sent; 部分完成 (平台接收 2 条，冲突 1 条 …) otherwise.
 * The sync centre and `jiuzhu-admin sync now` say the same.
 */
export function runOutcomeText({ outcome, summary: s }: RunFacts): string {
  if (outcome !== 'partial') return translate(`sync.outcome.${outcome}`);
  const parts = [
    ...(s.conflicts ? [translate('sync.run.conflicts', { n: s.conflicts })] : []),
    ...(s.rejected ? [translate('sync.run.rejectedCount', { n: s.rejected })] : []),
  ];
  const blobs = s.blobsDeferred ? [translate('sync.run.blobsDeferred', { n: s.blobsDeferred })] : [];
  if (s.pushed > 0 && s.acknowledged === 0 && parts.length > 0) {
    const label = translate(s.conflicts ? 'sync.run.conflict' : 'sync.run.rejected');
    return `${label}（${[translate('sync.run.noneTaken', { parts: parts.join('、') }), ...blobs].join('；')}）`;
  }
  // Partial without records sent back or blobs deferred: a blob failed to upload.
  const why = parts.length + blobs.length > 0 ? [...parts, ...blobs] : [translate('sync.run.blobsFailed')];
  const details = [...(s.pushed > 0 ? [translate('sync.run.acknowledged', { n: s.acknowledged })] : []), ...why];
  return `${translate('sync.outcome.partial')}（${details.join('，')}）`;
}
