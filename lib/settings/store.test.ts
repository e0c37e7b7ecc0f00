import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { withSiteHiding, defaultSettings } from './settings';
import { SETTINGS_KEY, loadSettings, onSettingsChanged, saveSettings } from './store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('where settings are kept', () => {
  it('follows the user across browsers through storage.sync, with a local copy', async () => {
    const settings = withSiteHiding(defaultSettings(), 'x', true);
    await saveSettings(settings);
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(settings);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(settings);
    expect(await loadSettings()).toEqual(settings);
  });

  it('prefers what another browser synced over the local copy', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: withSiteHiding(defaultSettings(), 'reddit', true) });
    expect((await loadSettings()).hide.sites.reddit).toBe(true);
  });

  it('keeps working from the local copy when sync is unavailable', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled by policy'));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await saveSettings(withSiteHiding(defaultSettings(), 'bluesky', true));
    expect((await loadSettings()).hide.sites.bluesky).toBe(true);
  });

  it('tells listeners about changes made anywhere', async () => {
    const seen: boolean[] = [];
    const stop = onSettingsChanged((s) => seen.push(s.hide.sites.x));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: withSiteHiding(defaultSettings(), 'x', true) });
    stop();
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: defaultSettings() });
    expect(seen).toEqual([true]);
  });
});
