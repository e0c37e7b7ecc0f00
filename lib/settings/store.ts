/**
 * Where settings live: `storage.sync`, so preferences follow the user across their browsers, with
 * a copy in `storage.local` that is used whenever sync is unavailable (signed out, disabled by
 * policy, over quota).
 */
import { browser } from 'wxt/browser';
import { normalizeSettings, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  try {
    const synced = await browser.storage.sync.get(SETTINGS_KEY);
    if (synced[SETTINGS_KEY] !== undefined) return normalizeSettings(synced[SETTINGS_KEY]);
  } catch {
    // Sync unavailable: the local copy below is the truth.
  }
  const local = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(local[SETTINGS_KEY]);
}

/** Saves to both areas; succeeds if at least the local copy was written. */
export async function saveSettings(settings: Settings): Promise<void> {
  const value = { [SETTINGS_KEY]: settings };
  const [synced, local] = await Promise.allSettled([browser.storage.sync.set(value), browser.storage.local.set(value)]);
  if (local.status === 'rejected' && synced.status === 'rejected') throw local.reason;
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

/**
 * Calls `listener` with the new settings whenever they change in either area. Sync changes made on
 * another device arrive here too. Returns a function that stops listening.
 */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if ((area === 'sync' || area === 'local') && SETTINGS_KEY in changes) {
      listener(normalizeSettings(changes[SETTINGS_KEY]!.newValue));
    }
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
