import { fitsAnswer } from './answerShapes';
import type { CommandName } from './commands';
import type { ResponseFrame } from './frame';

/** An owed answer not seen within this many of its exchange's timeouts is taken as never coming. */
const FORGET_AFTER_TIMEOUTS = 10;

interface Owed {
  command: CommandName;
  /** How long it is waited for. */
  window: number;
  /** performance.now() after which it is forgotten. */
  until: number;
}

/** What to do with a good frame: it answers the pending request, it is a late answer, or nothing asked for it. */
export type Verdict = 'answer' | 'late' | 'stray';

/**
 * The answers a reader still owes after exchanges that timed out. The SAM answers every request once and
 * in order, so an owed answer arrives before the answer to the request now pending. A frame that cannot
 * be the pending command's answer (answerShapes.ts) is taken as the oldest owed one it can be and dropped.
 * A frame that fits the pending command is its answer; if it also fits an owed command the two cannot be
 * told apart, so one answer stays owed (now in the pending command's shape, waited for afresh):
 * the next frame that does not fit its own request settles it. Owed answers are forgotten once an answer
 * only the pending command could give arrives, or when their time is up.
 */
export class OwedAnswers {
  private owed: Owed[] = [];
  /** Late answers recognised and dropped since the link opened. */
  dropped = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  get count(): number {
    this.expire();
    return this.owed.length;
  }

  /** The exchange for `command` ended without an answer; the reader may still send it. */
  lost(command: CommandName, timeoutMs: number): void {
    const window = timeoutMs * FORGET_AFTER_TIMEOUTS;
    this.owed.push({ command, window, until: this.now() + window });
  }

  /** Judge a good frame that arrived while `pending` is awaited (undefined: no request is pending). */
  judge(answer: Pick<ResponseFrame, 'sw3' | 'data'>, pending: CommandName | undefined): Verdict {
    this.expire();
    if (this.owed.length === 0) return pending ? 'answer' : 'stray';
    const owner = this.owed.findIndex((o) => fitsAnswer(o.command, answer));
    if (!pending || !fitsAnswer(pending, answer)) {
      this.owed.splice(0, owner < 0 ? 1 : owner + 1);
      this.dropped++;
      return 'late';
    }
    if (owner < 0) {
      this.owed = [];
      return 'answer';
    }
    const carried = this.owed[owner]!;
    this.owed.splice(0, owner + 1);
    this.owed.push({ command: pending, window: carried.window, until: this.now() + carried.window });
    return 'answer';
  }

  /**
   * Whether a damaged frame is to be ignored: while an answer is owed it may be that one, or noise with a
   * false preamble, so it neither fails the pending exchange nor settles the owed answer.
   */
  ignoresDamaged(): boolean {
    return this.count > 0;
  }

  private expire(): void {
    const now = this.now();
    if (this.owed.some((o) => o.until <= now)) this.owed = this.owed.filter((o) => o.until > now);
  }
}
