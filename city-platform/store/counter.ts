/** Highest counter number (窗口号) a station can have; case numbers give it two digits. */
export const MAX_COUNTER_NO = 99;

export type CounterChoice = { ok: true; counterNo: number } | { ok: false; counterNo: number; takenBy: string };

/**
 * The counter number (窗口号) of a device being enrolled, the same for every store. Numbers are
 * unique within a station and never given to another machine, so case numbers made with them never
 * clash (a revoked device's number stays reserved: its cases keep their numbers):
 * 1. a number the workstation already issues case numbers with (`claimed`) is kept if no other
 *    machine of the station holds it, else refused;
 * 2. otherwise the same machine re-enrolling keeps its earlier number;
 * 3. otherwise the lowest number no machine of the station holds.
 * `held` lists the station's devices that have a number (any status).
 */
export function chooseCounterNo(
  claimed: number | undefined,
  machineIdHash: string,
  held: Array<{ counterNo: number; machineIdHash: string; name: string }>,
): CounterChoice {
  const otherMachines = held.filter((h) => h.machineIdHash !== machineIdHash);
  if (claimed !== undefined) {
    const taker = otherMachines.find((h) => h.counterNo === claimed);
    return taker ? { ok: false, counterNo: claimed, takenBy: taker.name } : { ok: true, counterNo: claimed };
  }
  const mine = held.filter((h) => h.machineIdHash === machineIdHash).at(-1);
  if (mine) return { ok: true, counterNo: mine.counterNo };
  const used = new Set(held.map((h) => h.counterNo));
  for (let n = 1; n <= MAX_COUNTER_NO; n++) if (!used.has(n)) return { ok: true, counterNo: n };
  return { ok: false, counterNo: MAX_COUNTER_NO, takenBy: '' };
}
