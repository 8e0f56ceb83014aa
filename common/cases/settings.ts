import { z } from 'zod';
import { redressSchema } from '../documents/common';
import { nameMaskPolicySchema } from '../format/mask';
import { materialsChecklistSchema } from './materials';
import { RELIEF_DEFAULTS, reliefSettingsSchema } from './relief';

/** A local 低保 standard (reference data per region and year). */
export const standardSchema = z.object({
  /** GB/T 2260 code prefix it applies to, e.g. 5001 for all of 重庆市 (the longest match wins). */
  regionPrefix: z.string().regex(/^\d{2,6}$/),
  year: z.number().int().min(2000).max(2100),
  residence: z.enum(['urban', 'rural']),
  monthlyFen: z.number().int().positive().max(1_000_000),
});
export type Standard = z.infer<typeof standardSchema>;

/**
 * Time limits a county sets for itself (the national ones are fixed in common/cases/deadlines.ts):
 * the defaults are what counties commonly use, not national rules.
 */
export const COUNTY_LIMIT_DEFAULTS = {
  delegatedDecisionWorkingDays: 20,
  reopinionWorkingDays: 15,
  countyDecisionWorkingDays: 10,
  acceptanceWorkingDays: null,
} as const;
export const countyLimitsSchema = z.object({
  /** 审核确认 where the county delegated it to the township: the local limit from 受理 (nationally 30, up to 45). */
  delegatedDecisionWorkingDays: z.number().int().min(1).max(30).default(COUNTY_LIMIT_DEFAULTS.delegatedDecisionWorkingDays),
  /** After an objection to 公示: re-investigation or 民主评议 and the new 初审意见 (特困人员认定办法 art. 15 gives 15). */
  reopinionWorkingDays: z.number().int().min(1).max(45).default(COUNTY_LIMIT_DEFAULTS.reopinionWorkingDays),
  /** The county's 审核确认 once the township sends the case up (审核确认办法 art. 20: 10 working days). */
  countyDecisionWorkingDays: z.number().int().min(1).max(45).default(COUNTY_LIMIT_DEFAULTS.countyDecisionWorkingDays),
  /** From submission to 受理; null where the county sets no limit (there is no national one). */
  acceptanceWorkingDays: z.number().int().min(1).max(30).nullable().default(COUNTY_LIMIT_DEFAULTS.acceptanceWorkingDays),
});
export type CountyLimits = z.output<typeof countyLimitsSchema>;

export const policyNoticeSchema = z.object({ title: z.string().trim().min(1).max(40), body: z.string().trim().min(1).max(400) });

/**
 * Asset limits of 低保 in this county (local rules under 《最低生活保障审核确认办法》 art. 8): each
 * null where the county sets none. Deposits per counted member as a number of months of the local
 * standard; the total value of the household's vehicles; the number of real-estate holdings.
 */
export const assetLimitsSchema = z.object({
  depositMonths: z.number().int().min(1).max(120).nullable().default(null),
  vehicleValueFen: z.number().int().nonnegative().nullable().default(null),
  realEstateCount: z.number().int().nonnegative().max(20).nullable().default(null),
});
export type AssetLimits = z.output<typeof assetLimitsSchema>;

/**
 * County rules that differ from place to place: configuration, not code (DOMAIN.md). Stored in the
 * station's encrypted settings; the admin changes them.
 */
export const caseSettingsSchema = z.object({
  /** The township decides (审核确认 delegated); its time limit is `limits.delegatedDecisionWorkingDays`. */
  decisionDelegated: z.boolean().default(false),
  /** The county's own time limits, in working days on the official calendar (common/cases/deadlines.ts). */
  limits: countyLimitsSchema.default(COUNTY_LIMIT_DEFAULTS),
  /** Another open case for the same ID number: warn the clerk, or refuse the submit. */
  openCasePolicy: z.enum(['warn', 'block']).default('warn'),
  /** Each authorization needs a face photo as well as the signature. */
  faceRequired: z.boolean().default(true),
  /**
   * The paper route (a printed 授权书 signed by hand and scanned: elderly, disabled, no pad): does
   * that signer still need a face photo? A face that is taken must not fail, whatever this says.
   */
  paperFaceRequired: z.boolean().default(false),
  /** Deadlines with this many working days left or fewer are listed as due soon. */
  dueSoonWorkingDays: z.number().int().min(0).max(10).default(3),
  /** Printed on the notices. Empty header lines → the station's name. */
  notice: z
    .object({
      headerLines: z.array(z.string().trim().min(1).max(30)).max(3).default([]),
      issuer: z.string().trim().max(40).default(''),
      address: z.string().trim().max(80).optional(),
      phone: z
        .string()
        .trim()
        .regex(/^[\d\-+ ]{5,20}$/)
        .optional(),
      redress: redressSchema.optional(),
      /** How names print on copies for third parties (files, village committees). */
      nameMask: nameMaskPolicySchema.default('keep-first-last'),
      /** How names print on the 公示 list: the law publishes them; some counties mask them. */
      publicityNameMask: nameMaskPolicySchema.default('none'),
    })
    .default({ headerLines: [], issuer: '', nameMask: 'keep-first-last', publicityNameMask: 'none' }),
  /** Replaces the shipped checklist (resources/cases/materials.json). */
  materials: materialsChecklistSchema.optional(),
  /** Added to (and preferred over) the shipped standards. */
  standards: z.array(standardSchema).max(200).default([]),
  /** 临时救助's 先行救助 limit and papers deadline; whether 低保边缘 / 刚性支出 households get a monthly amount (common/cases/relief.ts). */
  relief: reliefSettingsSchema.default({ ...RELIEF_DEFAULTS, monthlyAmount: { ...RELIEF_DEFAULTS.monthlyAmount } }),
  /** The county's asset limits the 核对 hint compares a verification report with (common/cases/verificationHint.ts); absent: not set. */
  assetLimits: assetLimitsSchema.optional(),
  /** Shown on the applicant screen between applicants (政策宣传). */
  policyNotices: z.array(policyNoticeSchema).max(20).default([]),
});
export type CaseSettings = z.output<typeof caseSettingsSchema>;
export type CaseSettingsInput = z.input<typeof caseSettingsSchema>;

/**
 * A standard as the work computes with it: the county's local one (settings, per calendar year), or one
 * the platform published (reference table `standards`): in force from `effectiveFrom`, with its `version`
 * and `year` the year of that day.
 */
export const standardInForceSchema = standardSchema.extend({
  effectiveFrom: z.string().optional(),
  version: z.number().int().optional(),
});
export type StandardInForce = z.infer<typeof standardInForceSchema>;

/**
 * The standard in force on day `on` (YYYY-MM-DD) for a region and residence. A published standard applies
 * from its effective day until a later one of the same region and residence; a local one for its year.
 * The county's published standard wins over a locally entered one (it is the county's own voice; the
 * local entry is the admin's stopgap until it arrives); then the longest matching prefix; then the latest day.
 */
export function findStandard<S extends StandardInForce>(
  standards: S[],
  regionCode: string,
  on: string,
  residence: 'urban' | 'rural',
): S | null {
  const year = Number(on.slice(0, 4));
  const better = (a: S, b: S) =>
    Boolean(a.effectiveFrom) !== Boolean(b.effectiveFrom)
      ? Boolean(a.effectiveFrom)
      : a.regionPrefix.length !== b.regionPrefix.length
        ? a.regionPrefix.length > b.regionPrefix.length
        : (a.effectiveFrom ?? '') > (b.effectiveFrom ?? '');
  let best: S | null = null;
  for (const s of standards) {
    if (s.residence !== residence || !regionCode.startsWith(s.regionPrefix)) continue;
    if (s.effectiveFrom ? s.effectiveFrom > on : s.year !== year) continue;
    if (!best || better(s, best)) best = s;
  }
  return best;
}
