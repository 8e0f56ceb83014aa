import { randomBytes } from 'node:crypto';
import { newGeneratedId } from '../../../common/ids/generatedId';
import type { ApplicantView } from '../../../common/contract/methods/applicant';

/** Letters and digits that cannot be confused when typed from one screen to another. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_TTL_MS = 2 * 60_000;

export interface Pairing {
  clerkWindow: string;
  /** The clerk's login session: a different login on that window ends the pairing. */
  sessionId: string;
  clerkUserId: string;
  applicantWindow: string;
  view: ApplicantView;
  /** The idle view, kept so the screen can fall back to it without the store (e.g. on lock). */
  idle: ApplicantView;
  /** The personal view put aside while the clerk's session is locked, shown again on unlock. */
  held?: ApplicantView | undefined;
}

interface Pending {
  clerkWindow: string;
  sessionId: string;
  clerkUserId: string;
  expires: number;
}

export const newCode = (): string => [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
/** View ids reach the audit log (applicant.sign / confirm): the generated-id form, never mistaken for personal data. */
export const newViewId = (): string => newGeneratedId('view');

/** Who is paired with whom: one applicant window per clerk window and the other way round. */
export class Pairings {
  private readonly pending = new Map<string, Pending>();
  private readonly byClerk = new Map<string, Pairing>();
  private readonly byApplicant = new Map<string, Pairing>();

  offer(code: string, p: Pending): void {
    for (const [c, x] of this.pending) if (x.clerkWindow === p.clerkWindow || x.expires < p.expires - CODE_TTL_MS) this.pending.delete(c);
    this.pending.set(code, p);
  }

  /** One use only: the code is gone whether or not it is still valid. */
  take(code: string, now: number): Pending | null {
    const p = this.pending.get(code);
    this.pending.delete(code);
    return p && p.expires > now ? p : null;
  }

  bind(p: Pairing): void {
    this.byClerk.set(p.clerkWindow, p);
    this.byApplicant.set(p.applicantWindow, p);
  }

  ofClerk(window: string | undefined): Pairing | undefined {
    return window ? this.byClerk.get(window) : undefined;
  }

  ofApplicant(window: string | undefined): Pairing | undefined {
    return window ? this.byApplicant.get(window) : undefined;
  }

  drop(p: Pairing): void {
    if (this.byClerk.get(p.clerkWindow) === p) this.byClerk.delete(p.clerkWindow);
    if (this.byApplicant.get(p.applicantWindow) === p) this.byApplicant.delete(p.applicantWindow);
  }

  all(): Pairing[] {
    return [...this.byClerk.values()];
  }
}
