import { z } from 'zod';

/** Amounts are whole fen (分): money is never a float. 1 yuan = 100 fen. */
export const fenSchema = z.number().int().min(0).max(100_000_000_00);

export const sexSchema = z.enum(['男', '女']);

/** Relationship to the applicant (户主/申请人), the categories the national measures count (Art. 7). */
export const RELATIONSHIPS = [
  'self',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'child_in_law',
  'other',
] as const;
export const relationshipSchema = z.enum(RELATIONSHIPS);
export type Relationship = z.infer<typeof relationshipSchema>;

export const DISABILITY_TYPES = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;

/** Why someone living with the family is still not counted as a household member (Art. 7). */
export const EXCLUSION_REASONS = ['clergy_apart_3y', 'imprisoned', 'compulsory_rehab', 'declared_missing'] as const;
export const exclusionReasonSchema = z.enum(EXCLUSION_REASONS);

export const memberSchema = z.object({
  idNumber: z.string().length(18),
  name: z.string().trim().min(1).max(30),
  sex: sexSchema,
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  relationship: relationshipSchema,
  phone: z
    .string()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不对')
    .optional(),
  disability: z.object({ type: z.enum(DISABILITY_TYPES), grade: z.number().int().min(1).max(4) }).optional(),
  seriousIllness: z.boolean().default(false),
  student: z.boolean().default(false),
  labourCapacity: z.enum(['full', 'partial', 'none']).default('full'),
  employed: z.boolean().default(false),
  coResident: z.boolean().default(true),
  /** Set when the person lives with the family but is not counted (Art. 7). */
  excluded: exclusionReasonSchema.optional(),
});
export type Member = z.infer<typeof memberSchema>;

/** The four income categories of the national measures (Art. 13), monthly, in fen. */
export const INCOME_CATEGORIES = ['wages', 'business', 'property', 'transfer'] as const;
/** Kinds not counted as income (Art. 13): recorded so the arithmetic can show them excluded. */
export const EXCLUDED_INCOME_KINDS = [
  'preferential_care',
  'family_planning_award',
  'scholarship',
  'bravery_award',
  'assistance_payment',
  'basic_pension_central',
] as const;

export const incomeItemSchema = z.object({
  memberIdNumber: z.string().length(18),
  category: z.enum(INCOME_CATEGORIES).or(z.enum(EXCLUDED_INCOME_KINDS)),
  monthlyFen: fenSchema,
  note: z.string().max(200).optional(),
});
export type IncomeItem = z.infer<typeof incomeItemSchema>;

/** Essential costs the county may deduct (disability, illness, employment costs), monthly, in fen. */
export const deductionSchema = z.object({
  kind: z.enum(['disability', 'illness', 'employment']),
  monthlyFen: fenSchema,
  note: z.string().max(200).optional(),
});

export const ASSET_KINDS = [
  'deposit',
  'securities',
  'fund',
  'insurance',
  'claim',
  'internet_finance',
  'vehicle',
  'housing',
  'other',
] as const;
export const assetSchema = z.object({
  kind: z.enum(ASSET_KINDS),
  valueFen: fenSchema,
  /** Assets needed for production and daily life may be exempted (Art. 14). */
  exempt: z.boolean().default(false),
  note: z.string().max(200).optional(),
});

/** 赡养/抚养/扶养义务人 — supporters, who also sign the authorization for 特困. */
export const supporterSchema = z.object({
  idNumber: z.string().length(18),
  name: z.string().trim().min(1).max(30),
  relationship: z.enum(['child', 'parent', 'spouse', 'sibling', 'grandchild', 'other']),
  ableToSupport: z.boolean(),
  phone: z.string().optional(),
});
