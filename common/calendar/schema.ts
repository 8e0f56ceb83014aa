import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The holiday calendar as shipped in resources/calendar and as the platform sends it. */
export const holidayCalendarSchema = z.object({
  source: z.string().optional(),
  note: z.string().optional(),
  years: z.array(z.number().int().min(2000).max(2100)).min(1),
  holidays: z.array(isoDay),
  workdays: z.array(isoDay),
});
