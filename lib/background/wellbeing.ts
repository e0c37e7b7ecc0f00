/**
 * The background keeps today's wellbeing figures (lib/wellbeing/today.ts): it is their only writer,
 * so reports from many tabs at once add up instead of overwriting each other. Snoozes are counted
 * here too, from the settings: a snooze is a new `snoozeUntil` in the future, from whichever page
 * or shortcut set it.
 */
import { validateWellbeingMessage } from '../messages/page-store';
import type { Settings } from '../settings/settings';
import { WELLBEING_KEY, addToToday, type WellbeingDelta } from '../wellbeing/today';

export interface WellbeingStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface WellbeingRecorder {
  /** A `wellbeing` message from a page: validated, then added. */
  report(message: unknown): void;
  /** The settings changed: a new snooze is counted. */
  settingsChanged(settings: Settings): void;
  /** Resolves once every addition so far is written (for tests). */
  flushed(): Promise<void>;
}

export function createWellbeingRecorder(
  storage: WellbeingStorage,
  initialSnoozeUntil: number,
  now: () => number = Date.now,
): WellbeingRecorder {
  let writing: Promise<void> = Promise.resolve();
  let snoozeUntil = initialSnoozeUntil;
  const add = (delta: WellbeingDelta) => {
    writing = writing
      .then(async () => {
        const stored = (await storage.get(WELLBEING_KEY))[WELLBEING_KEY];
        await storage.set({ [WELLBEING_KEY]: addToToday(stored, delta, now()) });
      })
      // A figure that could not be written is lost, never the store or the settings.
      .catch((error: unknown) => console.error('Feedlens: could not record today’s figures', error));
  };
  return {
    report(message) {
      const valid = validateWellbeingMessage(message);
      if (valid) add({ shownHidden: valid.shownHidden, peeks: valid.peeks });
    },
    settingsChanged(settings) {
      const next = settings.hide.snoozeUntil;
      if (next > snoozeUntil && next > now()) add({ snoozes: 1 });
      snoozeUntil = next;
    },
    flushed: () => writing,
  };
}
