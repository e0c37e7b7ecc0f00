/**
 * The keyboard shortcut (commands API): hide or show counts on the site of the current tab.
 * Users change the keys at chrome://extensions/shortcuts.
 */
import { browser } from 'wxt/browser';
import type { PlatformAdapter } from '../platforms/types';
import { isHidingActive, withSiteHiding, withSnooze, type Settings } from '../settings/settings';
import { loadSettings, saveSettings } from '../settings/store';

export const TOGGLE_HIDING_COMMAND = 'toggle-hiding';

/**
 * The settings after the shortcut on a tab of `platform`: counts showing → hidden (which also ends
 * a snooze, and turns on the site and the main switch); counts hidden → shown, by turning the site
 * off. Outside the user's schedule counts show, so the shortcut then turns the site off too.
 */
export function toggledHiding(settings: Settings, platform: PlatformAdapter['id'], now: number): Settings {
  if (isHidingActive(settings, platform, now) || settings.hide.sites[platform]) {
    return withSiteHiding(settings, platform, false);
  }
  return withSnooze(withSiteHiding(settings, platform, true), 0);
}

export function listenForToggleCommand(
  adapterFor: (url: string | undefined) => Promise<PlatformAdapter | undefined>,
): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_HIDING_COMMAND) return;
    void (async () => {
      const url = tab?.url ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.url;
      const adapter = await adapterFor(url);
      if (!adapter) return;
      await saveSettings(toggledHiding(await loadSettings(), adapter.id, Date.now()));
    })();
  });
}
