/** Scheduled windows ("12:00", "17:30") in the workstation's local time. Pure, so tests pin the clock. */

function at(day: Date, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  const d = new Date(day);
  d.setHours(h!, m!, 0, 0);
  return d;
}

/** The most recent window start at or before `now` (today's or yesterday's), if any window is set. */
export function latestWindow(now: Date, windows: readonly string[]): Date | undefined {
  let best: Date | undefined;
  for (const dayOffset of [0, -1]) {
    const day = new Date(now);
    day.setDate(day.getDate() + dayOffset);
    for (const w of windows) {
      const t = at(day, w);
      if (t.getTime() <= now.getTime() && (!best || t > best)) best = t;
    }
  }
  return best;
}

/** The next window start strictly after `now`. */
export function nextWindow(now: Date, windows: readonly string[]): Date | undefined {
  let best: Date | undefined;
  for (const dayOffset of [0, 1]) {
    const day = new Date(now);
    day.setDate(day.getDate() + dayOffset);
    for (const w of windows) {
      const t = at(day, w);
      if (t.getTime() > now.getTime() && (!best || t < best)) best = t;
    }
  }
  return best;
}
