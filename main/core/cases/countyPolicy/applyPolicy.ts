import { countyPolicyProblem } from '../../../../common/cases/countyPolicy';
import { chinaDate } from '../../../../common/cases/age';
import { JiuzhuError } from '../../../../common/contract/errors';
import { issue, pullItemRefusal, readPullItem } from '../../../../sync-protocol/records/index';
import type { Db } from '../../kernel/store/types';
import { CountyPolicyRepo } from './countyPolicyRepo';

const FIELD_WORDS = { value: '参数值', effectiveFrom: '执行日期' } as const;

/** A refused value is kept as text for the settings page, at most this long. */
const MAX_VALUE_TEXT = 500;

/**
 * A `policy` item: one of the county's parameters (common/cases/countyPolicy.ts), kept once with its
 * effective day (its own, else the day it entered the feed), publisher and times. A key this version
 * does not know is kept as not applied with the reason (a newer platform may publish more); a value or
 * day that does not read is kept the same way and refused naming the field (the engine logs it and
 * keeps the item). An item whose envelope does not read is refused and kept by the engine only.
 */
export function applyPolicyItem(
  db: Db,
  item: unknown,
  receivedAt: string,
  audit: (details: Record<string, string | number | boolean>) => void,
): JiuzhuError | undefined {
  const read = readPullItem('policy', item);
  if (!read.ok) return pullItemRefusal(read.issue);
  const { key, value, effectiveFrom, at, publishedBy } = read.value;
  const problem = countyPolicyProblem(key, value, effectiveFrom);
  const refusal = problem && problem.field !== 'key' ? pullItemRefusal(issue('policy', problem.field, problem.message)) : undefined;
  const reason =
    problem === null
      ? null
      : problem.field === 'key'
        ? new JiuzhuError('POLICY_KEY_UNKNOWN').message
        : new JiuzhuError('POLICY_VALUE_INVALID', { field: FIELD_WORDS[problem.field], detail: problem.message }).message;
  const publishedAt = new Date(at).toISOString();
  const from = effectiveFrom ?? chinaDate(new Date(at));
  const kept = new CountyPolicyRepo(db).put({
    key,
    valueJson: (JSON.stringify(value) ?? '').slice(0, MAX_VALUE_TEXT),
    effectiveFrom: from,
    publishedBy: publishedBy ?? null,
    publishedAt,
    receivedAt,
    refusal: reason,
  });
  // Codes and days only: the publisher's name and the value stay in the table.
  if (kept) audit({ key, effectiveFrom: from, publishedAt, applied: reason === null });
  return refusal;
}
