/**
 * Today's wellbeing figures, for the popup's line ("12 posts shown without their counts today,
 * 2 peeks, 1 snooze"). Kept in `storage.local` under their own key, on this machine only: never
 * synced, and never part of an export (exports hold the store and the settings, not this).
 * A new local day starts from zero; nothing older is kept, so there is no history to leak.
 */

export const WELLBEING_KEY = 'wellbeingToday';

export interface WellbeingDay {
  /** The local calendar day these figures are for, "2026-12-03". */
  day: string;
  /** Posts read while their counts were hidden (each post once per page). */
  shownHidden: number;
  peeks: number;
  snoozes: number;
}

export type WellbeingDelta = Partial<Pick<WellbeingDay, 'shownHidden' | 'peeks' | 'snoozes'>>;

/** The local calendar day of `now`: "today" is the user's, not UTC's. */
export function localDay(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);

/** Today's figures from what storage holds: zeros for another day, or for anything malformed. */
export function wellbeingToday(stored: unknown, now: number): WellbeingDay {
  const day = localDay(now);
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  if (value.day !== day) return { day, shownHidden: 0, peeks: 0, snoozes: 0 };
  return { day, shownHidden: count(value.shownHidden), peeks: count(value.peeks), snoozes: count(value.snoozes) };
}

/** Today's figures with `delta` added (a new day starts from zero). */
export function addToToday(stored: unknown, delta: WellbeingDelta, now: number): WellbeingDay {
  const today = wellbeingToday(stored, now);
  return {
    day: today.day,
    shownHidden: today.shownHidden + count(delta.shownHidden),
    peeks: today.peeks + count(delta.peeks),
    snoozes: today.snoozes + count(delta.snoozes),
  };
}
