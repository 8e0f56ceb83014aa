import {
  countyPolicyValueSchema,
  isCountyPolicyKey,
  type CountyPolicyInfo,
  type CountyPolicyKey,
  type CountyPolicyValue,
} from '../../../../common/cases/countyPolicy';
import type { HeldPolicy } from './countyPolicyRepo';

export interface AppliedPolicy extends Omit<HeldPolicy, 'key' | 'valueJson' | 'refusal'> {
  key: CountyPolicyKey;
  value: CountyPolicyValue;
}

/** The values that were applied (known key, value read), in the order published. */
export function appliedOf(held: HeldPolicy[]): AppliedPolicy[] {
  const out: AppliedPolicy[] = [];
  for (const { valueJson, refusal, key, ...rest } of held) {
    if (refusal !== null || !isCountyPolicyKey(key)) continue;
    const value = countyPolicyValueSchema.safeParse(JSON.parse(valueJson));
    if (value.success) out.push({ ...rest, key, value: value.data });
  }
  return out;
}

/**
 * The value of each key in force on `day`: of those whose effective day has come, the one published
 * last — a later publication replaces an earlier one from its own effective day.
 */
export function inForceOn(applied: AppliedPolicy[], day: string): AppliedPolicy[] {
  const byKey = new Map<CountyPolicyKey, AppliedPolicy>();
  for (const p of applied) if (p.effectiveFrom <= day) byKey.set(p.key, p);
  return [...byKey.values()];
}

/** Every value held with its status today, newest published first, and those not applied with the reason. */
export function policyInfo(held: HeldPolicy[], today: string): CountyPolicyInfo {
  const applied = appliedOf(held);
  const current = new Set(inForceOn(applied, today));
  const status = (p: AppliedPolicy, i: number) => {
    if (current.has(p)) return 'inForce' as const;
    // Waiting for its day, unless a later publication of the key takes effect no later than it does.
    const overtaken = applied.slice(i + 1).some((q) => q.key === p.key && q.effectiveFrom <= p.effectiveFrom);
    return p.effectiveFrom > today && !overtaken ? ('pending' as const) : ('superseded' as const);
  };
  return {
    versions: applied.map((p, i) => ({ ...p, status: status(p, i) })).reverse(),
    notApplied: held
      .filter((h) => h.refusal !== null)
      .map(({ key, valueJson, effectiveFrom, publishedBy, publishedAt, receivedAt, refusal }) => ({
        key,
        valueText: valueJson,
        effectiveFrom,
        publishedBy,
        publishedAt,
        receivedAt,
        reason: refusal!,
      }))
      .reverse(),
  };
}
