import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATES, TRANSITIONS, isOpen, isTerminal, transition, type CaseAction, type CaseState } from './stateMachine';

describe('case state machine', () => {
  it('walks the legal path of a 低保 application', () => {
    const path: Array<[CaseAction, CaseState]> = [
      ['submit', 'submitted'],
      ['accept', 'accepted'],
      ['startInvestigation', 'investigating'],
      ['giveOpinion', 'publicity'],
      ['object', 'disputed'],
      ['reinvestigate', 'investigating'],
      ['giveOpinion', 'publicity'],
      ['endPublicity', 'awaiting_decision'],
      ['approve', 'approved'],
    ];
    let state: CaseState = 'draft';
    for (const [action, expected] of path) {
      const result = transition(state, action);
      expect(result).toEqual({ ok: true, to: expected });
      state = expected;
    }
    expect(isTerminal(state)).toBe(true);
  });

  it('refuses every transition not in the table (all states × all actions)', () => {
    let refused = 0;
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        const allowed = TRANSITIONS[state][action];
        const result = transition(state, action);
        if (allowed) expect(result).toEqual({ ok: true, to: allowed });
        else {
          expect(result).toEqual({ ok: false, from: state, action });
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(150);
  });

  it('an objection never goes straight up: a new opinion (posted again) or a proposal to refuse follows; a refusal proposal is never posted', () => {
    expect(transition('disputed', 'concludeReview').ok).toBe(false);
    expect(transition('disputed', 'endPublicity').ok).toBe(false);
    expect(transition('disputed', 'giveOpinion')).toEqual({ ok: true, to: 'publicity' });
    expect(transition('disputed', 'proposeRefusal')).toEqual({ ok: true, to: 'awaiting_decision' });
    expect(transition('investigating', 'proposeRefusal')).toEqual({ ok: true, to: 'awaiting_decision' });
    expect(transition('publicity', 'proposeRefusal').ok).toBe(false);
  });

  it('cannot approve without the publicity period, nor accept a draft directly', () => {
    expect(transition('investigating', 'approve').ok).toBe(false);
    expect(transition('draft', 'accept').ok).toBe(false);
    expect(transition('approved', 'withdraw').ok).toBe(false);
  });

  it('every state is reachable from draft', () => {
    const seen = new Set<CaseState>(['draft']);
    const queue: CaseState[] = ['draft'];
    while (queue.length) {
      for (const to of Object.values(TRANSITIONS[queue.shift()!])) {
        if (seen.has(to!)) continue;
        seen.add(to!);
        queue.push(to!);
      }
    }
    expect([...seen].sort()).toEqual([...CASE_STATES].sort());
  });

  it('knows which cases are open', () => {
    expect(isOpen('investigating')).toBe(true);
    expect(isOpen('draft')).toBe(false);
    expect(isOpen('refused')).toBe(false);
  });
});
