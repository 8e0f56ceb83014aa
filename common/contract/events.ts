import { z } from 'zod';
import { shellSchema } from './methods/app';
import { cardReadSchema, readerStateSchema } from './methods/idcard';
import { applicantReplyEventSchema, applicantViewEventSchema } from './methods/applicant';
import type { EventName } from './names';

/**
 * Events flow one way, core → renderer, on one typed channel. Each has a payload schema;
 * capability issues add their events here (card inserted, sync progress, lock …).
 */
export const EVENTS = {
  /** Core is up in this shell; sent on start and to every newly connected renderer. */
  'core.ready': z.object({ shell: shellSchema, version: z.string(), at: z.string() }),
  /** Progress of long work (backup, restore, check, batch printing, sync), for its progress bar. */
  'task.progress': z.object({ task: z.string(), phase: z.string(), fraction: z.number().min(0).max(1) }),
  /** The reader's state changed (connected, no reader, reading, error). */
  'idcard.status': readerStateSchema,
  /** A card was placed on the reader while automatic reading is on: once per card. */
  'idcard.card': cardReadSchema,
  /** A sync run started or ended (the sync centre refreshes); progress itself is task.progress with task 'sync'. */
  'sync.changed': z.object({
    running: z.boolean(),
    outcome: z.enum(['running', 'ok', 'partial', 'failed', 'cancelled', 'pending']).optional(),
  }),
  /** To the paired applicant window only: what to show (null: unpaired, show nothing personal). */
  'applicant.view': applicantViewEventSchema,
  /** To the clerk's window only: the applicant screen paired, signed, confirmed. */
  'applicant.reply': applicantReplyEventSchema,
  /** The background integrity check found damaged pages in the station database (how many lines it reported). */
  'store.damaged': z.object({ finishedAt: z.string(), problems: z.number().int().nonnegative() }),
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof EVENTS;
export { EVENT_NAMES, isEventName, type EventName } from './names';
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export type CoreEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];
