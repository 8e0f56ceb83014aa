import { z } from 'zod';
import { defineMethod } from '../define';

const sexSchema = z.enum(['男', '女']);

export const idNumberCheck = defineMethod({
  summary: 'GB 11643-1999 check of a resident, residence-permit or 2023 foreigner ID number.',
  permission: 'public',
  input: z
    .object({
      idNumber: z.string().max(40, '号码过长'),
      sex: sexSchema.optional(),
    })
    .strict(),
  output: z.discriminatedUnion('valid', [
    z.object({
      valid: z.literal(true),
      kind: z.enum(['resident', 'hkmotw', 'foreigner2023']),
      idNumber: z.string().length(18),
      original: z.string().length(15).optional(),
      birthDate: z.string().optional(),
      sex: sexSchema.optional(),
      regionCode: z.string().length(6).optional(),
      province: z.string().optional(),
    }),
    z.object({
      valid: z.literal(false),
      problems: z.array(z.object({ code: z.string(), message: z.string() })).min(1),
    }),
  ]),
});

/** This capability's methods, as they appear in the registry. */
export const idNumberMethods = {
  'idNumber.check': idNumberCheck,
} as const;
