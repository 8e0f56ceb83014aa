import { z } from 'zod';
import { isoDateSchema } from '../documents/common';
import { reliefSettingsSchema } from './relief';
import { assetLimitsSchema, caseSettingsSchema, countyLimitsSchema, type CaseSettings } from './settings';

/**
 * The county's single parameters the platform publishes as `policy` items (docs/sync-protocol.md §7.7):
 * a closed set of keys, each naming the field of the case settings it sets and read with that field's
 * own schema. From its effective day the county's value wins over the one the admin entered locally
 * (main/core/cases/countyPolicy/). A key not in this set, or a value its schema refuses, is kept as not
 * applied with the reason.
 */
export const COUNTY_POLICY_SCHEMAS = {
  'limits.acceptanceWorkingDays': countyLimitsSchema.shape.acceptanceWorkingDays.unwrap(),
  'limits.countyDecisionWorkingDays': countyLimitsSchema.shape.countyDecisionWorkingDays.unwrap(),
  'limits.delegatedDecisionWorkingDays': countyLimitsSchema.shape.delegatedDecisionWorkingDays.unwrap(),
  'limits.reopinionWorkingDays': countyLimitsSchema.shape.reopinionWorkingDays.unwrap(),
  decisionDelegated: caseSettingsSchema.shape.decisionDelegated.unwrap(),
  'assetLimits.depositMonths': assetLimitsSchema.shape.depositMonths.unwrap(),
  'assetLimits.vehicleValueFen': assetLimitsSchema.shape.vehicleValueFen.unwrap(),
  'assetLimits.realEstateCount': assetLimitsSchema.shape.realEstateCount.unwrap(),
  'relief.advanceLimitYuan': reliefSettingsSchema.shape.advanceLimitYuan.unwrap(),
  'relief.advancePapersWorkingDays': reliefSettingsSchema.shape.advancePapersWorkingDays.unwrap(),
} as const;

export type CountyPolicyKey = keyof typeof COUNTY_POLICY_SCHEMAS;
export const COUNTY_POLICY_KEYS = Object.keys(COUNTY_POLICY_SCHEMAS) as CountyPolicyKey[];
export const countyPolicyKeySchema = z.enum(COUNTY_POLICY_KEYS as [CountyPolicyKey, ...CountyPolicyKey[]]);

/** A value of a known key: a number of days, months, 元, fen or holdings; a yes/no; or null (the county sets none). */
export const countyPolicyValueSchema = z.union([z.number(), z.boolean(), z.null()]);
export type CountyPolicyValue = z.infer<typeof countyPolicyValueSchema>;

export const isCountyPolicyKey = (key: string): key is CountyPolicyKey => Object.hasOwn(COUNTY_POLICY_SCHEMAS, key);

/** What a key's value must be, in words (the settings page shows it to the admin): 应为 1 至 45 的整数，或不设. */
export function expectedValue(key: CountyPolicyKey): string {
  const schema: z.ZodType = COUNTY_POLICY_SCHEMAS[key];
  const nullable = schema instanceof z.ZodNullable;
  const inner = nullable ? (schema as z.ZodNullable<z.ZodType>).unwrap() : schema;
  if (!(inner instanceof z.ZodNumber)) return '应为是或否';
  const { minValue: min, maxValue: max } = inner;
  const range = max !== null && max < Number.MAX_SAFE_INTEGER ? `${min ?? 0} 至 ${max} 的整数` : `${min ?? 0} 及以上的整数`;
  return `应为 ${range}${nullable ? '，或不设' : ''}`;
}

/** What is wrong with a published parameter, as the field and why; null when the key is known and the value and day read. */
export function countyPolicyProblem(
  key: string,
  value: unknown,
  effectiveFrom?: string,
): { field: 'key' | 'value' | 'effectiveFrom'; message: string } | null {
  if (!isCountyPolicyKey(key)) return { field: 'key', message: `不认识的参数（可发布：${COUNTY_POLICY_KEYS.join('、')}）` };
  if (!COUNTY_POLICY_SCHEMAS[key].safeParse(value).success) return { field: 'value', message: expectedValue(key) };
  if (effectiveFrom !== undefined) {
    const day = isoDateSchema.safeParse(effectiveFrom);
    if (!day.success) return { field: 'effectiveFrom', message: day.error.issues[0]?.message ?? 'invalid' };
  }
  return null;
}

const EMPTY_ASSET_LIMITS = { depositMonths: null, vehicleValueFen: null, realEstateCount: null };

/** The station's settings with the county's values in force put in their fields (every other field as the admin set it). */
export function withCountyPolicy(
  local: CaseSettings,
  inForce: ReadonlyArray<{ key: CountyPolicyKey; value: CountyPolicyValue }>,
): CaseSettings {
  if (inForce.length === 0) return local;
  const out: Record<string, unknown> = { ...local };
  for (const { key, value } of inForce) {
    const [group, field] = key.split('.') as [string, string | undefined];
    if (field === undefined) out[group] = value;
    else out[group] = { ...(group === 'assetLimits' ? EMPTY_ASSET_LIMITS : {}), ...(out[group] as object | undefined), [field]: value };
  }
  // Each value was read with its field's own schema (COUNTY_POLICY_SCHEMAS), so the settings stay valid.
  return out as CaseSettings;
}

/** Where a published value stands today: in force, waiting for its day, or replaced (a later one took over, or its key's next one did). */
export const COUNTY_POLICY_STATUSES = ['inForce', 'pending', 'superseded'] as const;

const published = {
  effectiveFrom: z.string(),
  publishedBy: z.string().nullable(),
  /** When the platform put it in the feed. */
  publishedAt: z.string(),
  receivedAt: z.string(),
};

/** One published value of a known key, as the settings page lists it. */
export const countyPolicyVersionSchema = z.object({
  key: countyPolicyKeySchema,
  value: countyPolicyValueSchema,
  ...published,
  status: z.enum(COUNTY_POLICY_STATUSES),
});
export type CountyPolicyVersion = z.infer<typeof countyPolicyVersionSchema>;

/** A published parameter this station did not apply: the key as it came, the value as JSON text, and why. */
export const countyPolicyRefusedSchema = z.object({ key: z.string(), valueText: z.string(), ...published, reason: z.string() });

/** The county's parameters held: every applied value, newest published first, each with its status today; and those not applied. */
export const countyPolicyInfoSchema = z.object({
  versions: z.array(countyPolicyVersionSchema),
  notApplied: z.array(countyPolicyRefusedSchema),
});
export type CountyPolicyInfo = z.infer<typeof countyPolicyInfoSchema>;
