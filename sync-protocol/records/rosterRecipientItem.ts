import { z } from 'zod';
import { serverTimeSchema } from '../../common/sync/primitives';
import { idNumberSchema } from './fields';
import { rosterHouseholdSchema } from './rosterImported';

/**
 * `roster.recipient` (docs/sync-protocol.md §7.4; main/core/rosterImport): one of the platform's
 * current recipients of the station — a household the county enrolled before the station used this
 * workstation — for the station to put on its roster. `id` is the head's ID number: the platform
 * holds one household per head, a later item for the same head replaces an earlier one that the
 * station has not applied. The page's check passes a newer kind as it came; the handler reads it
 * here, so a bad item is refused alone, naming its field.
 */
export const ROSTER_RECIPIENT = 'roster.recipient';

export const pulledRosterRecipientItemSchema = z
  .object({
    feedSeq: z.number().int().positive(),
    at: serverTimeSchema,
    kind: z.literal(ROSTER_RECIPIENT),
    id: idNumberSchema,
    body: rosterHouseholdSchema,
  })
  .superRefine((item, ctx) => {
    if (item.body.applicant.idNumber !== item.id)
      ctx.addIssue({ code: 'custom', path: ['body', 'applicant', 'idNumber'], message: '与条目的 id（户主身份证号码）不一致' });
  });
export type PulledRosterRecipientItem = z.infer<typeof pulledRosterRecipientItemSchema>;
