import { describe, expect, it } from 'vitest';
import { createDraftAutosave, type AutosaveTimers } from './draftAutosave';

/** Timers the test fires by hand. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const timers: AutosaveTimers = {
    set: (fn, ms) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const fire = () => {
    const all = [...pending.values()];
    pending.clear();
    for (const t of all) t.fn();
  };
  return { timers, pending, fire };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A save that records each call and resolves or rejects when the test says. */
function scriptedSave() {
  const calls: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  let saved = false;
  const save = () =>
    new Promise<void>((resolve, reject) => {
      calls.push({
        resolve: () => {
          saved = true;
          resolve();
        },
        reject,
      });
    });
  return { calls, save, hasBeenSaved: () => saved };
}

describe('draft autosave', () => {
  it('saves once, delayMs after the last of several changes', async () => {
    const { timers, pending, fire } = manualTimers();
    const s = scriptedSave();
    const a = createDraftAutosave({ save: s.save, hasBeenSaved: s.hasBeenSaved, delayMs: 500, timers });
    a.changed();
    a.changed();
    a.changed();
    expect(pending.size).toBe(1);
    expect([...pending.values()][0]!.ms).toBe(500);
    fire();
    await settle();
    expect(s.calls).toHaveLength(1);
  });

  it('runs one save at a time: a flush during a save waits for it, then saves the newer change', async () => {
    const { timers, fire } = manualTimers();
    const s = scriptedSave();
    const a = createDraftAutosave({ save: s.save, hasBeenSaved: s.hasBeenSaved, delayMs: 500, timers });
    a.changed();
    fire();
    await settle();
    a.changed();
    const second = a.flush();
    await settle();
    expect(s.calls).toHaveLength(1);
    s.calls[0]!.resolve();
    await settle();
    expect(s.calls).toHaveLength(2);
    s.calls[1]!.resolve();
    await second;
  });

  it('a flush with nothing unsaved does not call core, except to create the draft the first time', async () => {
    const s = scriptedSave();
    const a = createDraftAutosave({ save: s.save, hasBeenSaved: s.hasBeenSaved, delayMs: 500, timers: manualTimers().timers });
    const first = a.flush();
    await settle();
    expect(s.calls).toHaveLength(1);
    s.calls[0]!.resolve();
    await first;
    await a.flush();
    expect(s.calls).toHaveLength(1);
  });

  it('after a failed save the draft stays unsaved and the next change saves again', async () => {
    const { timers, fire } = manualTimers();
    const s = scriptedSave();
    const a = createDraftAutosave({ save: s.save, hasBeenSaved: s.hasBeenSaved, delayMs: 500, timers });
    a.changed();
    const failed = a.flush();
    await settle();
    s.calls[0]!.reject(new Error('core busy'));
    await expect(failed).rejects.toThrow('core busy');

    a.changed();
    fire();
    await settle();
    expect(s.calls).toHaveLength(2);
    s.calls[1]!.resolve();
    await settle();

    const retried = a.flush();
    await retried;
    expect(s.calls).toHaveLength(2);
  });

  it('a failed save is retried by the next flush even without a new change', async () => {
    const s = scriptedSave();
    const a = createDraftAutosave({ save: s.save, hasBeenSaved: s.hasBeenSaved, delayMs: 500, timers: manualTimers().timers });
    a.changed();
    const failed = a.flush();
    await settle();
    s.calls[0]!.reject(new Error('offline'));
    await expect(failed).rejects.toThrow('offline');
    const again = a.flush();
    await settle();
    expect(s.calls).toHaveLength(2);
    s.calls[1]!.resolve();
    await again;
  });

  it('dispose stops a pending save', async () => {
    const { timers, pending } = manualTimers();
    const s = scriptedSave();
    const a = createDraftAutosave({ save: s.save, hasBeenSaved: s.hasBeenSaved, delayMs: 500, timers });
    a.changed();
    a.dispose();
    expect(pending.size).toBe(0);
    await settle();
    expect(s.calls).toHaveLength(0);
  });
});
