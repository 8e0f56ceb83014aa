import { z } from 'zod';

/** A date as YYYY-MM-DD (real-date checks are in checks.ts, which says what is wrong in words). */
export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Where a person's identity came from: a card read on the reader, or typed by the clerk. */
export const personSourceSchema = z.enum(['card', 'typed']);

/** The applicant's identity as recorded at the counter. */
export const applicantSchema = z.object({
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, '身份证号码应为 18 位'),
  name: z.string().trim().min(1).max(30),
  sex: z.enum(['男', '女']),
  birthDate: isoDaySchema,
  nationCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  address: z.string().trim().max(120).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不对')
    .optional(),
  /** From the card: YYYY-MM-DD or 长期. */
  cardValidUntil: z.union([isoDaySchema, z.literal('长期')]).optional(),
  source: personSourceSchema.default('typed'),
});
export type Applicant = z.infer<typeof applicantSchema>;

/** The agent of a proxy application (帮办代办) and the 委托 record. */
export const agentSchema = z.object({
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, '身份证号码应为 18 位'),
  name: z.string().trim().min(1).max(30),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不对')
    .optional(),
  /** Relationship to the applicant, or the agent's role (村社区干部, 网格员 …). */
  relation: z.string().trim().min(1).max(30),
  /** The 委托书: its date and a short description (the scan is a material). */
  entrustment: z.object({ signedOn: isoDaySchema, note: z.string().trim().max(200).optional() }),
});
export type Agent = z.infer<typeof agentSchema>;
