import { EVENTS, type CoreEvent } from '../../../../common/contract/index';
import type { Logger } from '../logging/logger';

/** Subscribes as a relay (the worker host's port): receives every addressed event, with its window. */
export const ALL_WINDOWS = '*';

/** A listener gets the window an event is addressed to (undefined: a broadcast). */
export type EventListener = (event: CoreEvent, to?: string) => void;

/**
 * Who receives an event: a broadcast goes to every subscriber; an addressed one (the applicant
 * screen's) only to the subscriber of that window, or a relay. A subscriber that names no window
 * never receives addressed events (fail closed).
 */
export const delivers = (to: string | undefined, subscriber: string | undefined): boolean =>
  to === undefined || subscriber === ALL_WINDOWS || (subscriber !== undefined && subscriber === to);

/**
 * Fan-out of core events to every connected renderer. Payloads are checked against the
 * contract before they leave, so a renderer never receives an event it cannot parse.
 * A new subscriber first gets the greeting (core.ready), so it knows core is up.
 */
export class EventHub {
  private readonly listeners = new Map<EventListener, string | undefined>();
  private greeting: (() => CoreEvent) | undefined;

  constructor(private readonly logger: Logger) {}

  setGreeting(make: () => CoreEvent): void {
    this.greeting = make;
  }

  /** `window`: the subscriber's window id (it then also receives events addressed to it), or ALL_WINDOWS. */
  subscribe(listener: EventListener, window?: string): () => void {
    this.listeners.set(listener, window);
    if (this.greeting) listener(this.greeting());
    return () => this.listeners.delete(listener);
  }

  /** An event for one window only (the applicant screen's view, the clerk's replies). */
  emitTo(windowId: string, event: CoreEvent): void {
    this.emit(event, windowId);
  }

  emit(event: CoreEvent, to?: string): void {
    const checked = EVENTS[event.event].safeParse(event.payload);
    if (!checked.success) {
      this.logger.log('error', 'event.payload_mismatch', { event: event.event });
      return;
    }
    for (const [listener, window] of this.listeners) {
      if (!delivers(to, window)) continue;
      try {
        listener(event, to);
      } catch (error) {
        this.logger.log('error', 'event.listener_failed', { event: event.event, error: String(error) });
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
