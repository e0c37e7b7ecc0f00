/**
 * Keeps the pre-load hide stylesheets registered for exactly what is hidden now, including when
 * that changes by itself: a snooze ending, a schedule window opening or closing. An alarm wakes
 * the background at the next such moment (open tabs switch on their own timers; this is for the
 * pages loaded from then on).
 */
import { browser } from 'wxt/browser';
import { applyHideRegistrations, desiredHideRegistrations } from '../hide/registration';
import { ADAPTERS } from '../platforms/registry';
import type { PlatformAdapter } from '../platforms/types';
import { nextHidingChange } from '../settings/settings';
import { loadSettings } from '../settings/store';

export const HIDING_ALARM = 'feedlens-hiding-change';

export interface HidingSyncOptions {
  /** Where each platform's stylesheets apply (Mastodon adds the user's servers). */
  matchesFor(adapter: PlatformAdapter): readonly string[];
  /** Runs first in every sync (refreshing the Mastodon servers). */
  beforeSync?(): Promise<void>;
}

/** Returns `sync()`: calls are chained, since two overlapping updates could register one id twice. */
export function createHidingSync(options: HidingSyncOptions): () => Promise<void> {
  let syncing: Promise<void> = Promise.resolve();
  const sync = () => {
    syncing = syncing
      .then(async () => {
        await options.beforeSync?.();
        const settings = await loadSettings();
        await applyHideRegistrations(desiredHideRegistrations(settings, ADAPTERS, options.matchesFor));
        const next = nextHidingChange(settings, Date.now());
        if (next === null) await browser.alarms.clear(HIDING_ALARM);
        else await browser.alarms.create(HIDING_ALARM, { when: next + 1000 });
      })
      .catch((error: unknown) => console.error('Feedlens: could not register hiding styles', error));
    return syncing;
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === HIDING_ALARM) void sync();
  });
  return sync;
}
