import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AssistanceType } from '../../../common/cases/types';
import { linkedBenefitSchema, type LinkedBenefit } from '../../../common/contract/methods/afterAcceptance/visits';
import type { RosterSettings } from '../../../common/contract/methods/afterAcceptance/roster';

export const linkedBenefitEntrySchema = linkedBenefitSchema.extend({ types: z.array(z.string()).default([]) });
export type LinkedBenefitEntry = z.output<typeof linkedBenefitEntrySchema>;

const fileSchema = z.object({ source: z.string().optional(), benefits: z.array(linkedBenefitEntrySchema) });

/** The shipped list of benefits granted without a new application (一件事一次办 / 免申即享). */
export function loadLinkedBenefits(resourcesDir: string): LinkedBenefitEntry[] {
  return fileSchema.parse(JSON.parse(readFileSync(join(resourcesDir, 'benefits', 'linked.json'), 'utf8'))).benefits;
}

/** The benefits an approval of this type carries: the county's list when set, else the shipped one. */
export function benefitsFor(type: AssistanceType | undefined, shipped: LinkedBenefitEntry[], settings: RosterSettings): LinkedBenefit[] {
  const list = settings.linkedBenefits ?? shipped;
  return list
    .filter((b) => b.types.length === 0 || (type !== undefined && b.types.includes(type)))
    .map(({ code, name, department }) => ({ code, name, ...(department ? { department } : {}) }));
}
