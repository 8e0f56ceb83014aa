import { EVENTS, type CoreEvent } from '../../../common/contract/index';
import type { Logger } from '../logging/logger';

/**
 * Fan-out of core events to every connected renderer. Payloads are checked against the
 * contract before they leave, so a renderer never receives an event it cannot parse.
 * A new subscriber first gets the greeting (core.ready), so it knows core is up.
 */
export class EventHub {
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private greeting: (() => CoreEvent) | undefined;

  constructor(private readonly logger: Logger) {}

  setGreeting(make: () => CoreEvent): void {
    this.greeting = make;
  }

  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    if (this.greeting) listener(this.greeting());
    return () => this.listeners.delete(listener);
  }

  emit(event: CoreEvent): void {
    const checked = EVENTS[event.event].safeParse(event.payload);
    if (!checked.success) {
      this.logger.log('error', 'event.payload_mismatch', { event: event.event });
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.log('error', 'event.listener_failed', { event: event.event, error: String(error) });
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
