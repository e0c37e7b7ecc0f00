import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '../platforms/registry';
import { defaultSettings, withSiteHiding, withSnooze, type Settings } from '../settings/settings';
import type { HealthBySite } from './status-store';
import { createToolbarTracker, toolbarLook, toolbarState, type ActionApi } from './toolbar-state';

const NOW = Date.parse('2026-11-22T12:00:00Z');

/** A fake toolbar button per tab: what the tracker last set there. */
function fakeAction() {
  const tabs = new Map<number, { text?: string; color?: string; title?: string }>();
  const at = (tabId: number) => tabs.get(tabId) ?? tabs.set(tabId, {}).get(tabId)!;
  const action: ActionApi = {
    setBadgeText: async ({ tabId, text }) => void (at(tabId).text = text),
    setBadgeBackgroundColor: async ({ tabId, color }) => void (at(tabId).color = color),
    setTitle: async ({ tabId, title }) => void (at(tabId).title = title),
  };
  return { action, tabs };
}

function tracker(settings: Settings = defaultSettings(), health: HealthBySite = {}) {
  const button = fakeAction();
  const track = createToolbarTracker({
    action: button.action,
    adapterFor: async (url) => adapterForUrl(url),
    loadSettings: async () => settings,
    loadHealth: async () => health,
    now: () => NOW,
  });
  return { track, tabs: button.tabs };
}

describe('the toolbar state of a tab', () => {
  it('puts a paused reader first, then hidden counts, then reading', () => {
    expect(toolbarState({ hidden: true })).toBe('unsupported');
    expect(toolbarState({ platform: 'x', status: 'paused', hidden: true })).toBe('paused');
    expect(toolbarState({ platform: 'x', status: 'reading', hidden: true })).toBe('hidden');
    expect(toolbarState({ platform: 'x', status: 'idle', hidden: true })).toBe('hidden');
    expect(toolbarState({ platform: 'x', status: 'reading', hidden: false })).toBe('reading');
    expect(toolbarState({ platform: 'x', hidden: false })).toBe('idle');
  });

  it('shows a badge only for what the user should see, and names the site in the title', () => {
    expect(toolbarLook('unsupported').text).toBe('');
    expect(toolbarLook('idle', 'X').text).toBe('');
    const looks = (['reading', 'hidden', 'paused'] as const).map((state) => toolbarLook(state, 'Bluesky'));
    expect(new Set(looks.map((l) => l.text)).size).toBe(3);
    expect(new Set(looks.map((l) => l.color)).size).toBe(3);
    expect(looks.map((l) => l.title)).toEqual([
      'Feedlens: reading posts on Bluesky',
      'Feedlens: counts hidden on Bluesky',
      'Feedlens: reading paused on Bluesky: the page’s layout was not recognized',
    ]);
  });
});

describe('tracking tabs', () => {
  it('shows each tab its own reader’s status', async () => {
    const { track, tabs } = tracker();
    await track.health(1, 'https://x.com/home', 'reading');
    await track.health(2, 'https://bsky.app/', 'paused');
    await track.navigated(3, 'https://example.org/');
    expect(tabs.get(1)).toMatchObject({ text: '●', title: 'Feedlens: reading posts on X' });
    expect(tabs.get(2)?.text).toBe('!');
    expect(tabs.get(2)?.title).toContain('paused on Bluesky');
    expect(tabs.get(3)).toMatchObject({ text: '', title: 'Feedlens: this site is not one Feedlens reads' });
  });

  it('keeps a status across a navigation on the same site and forgets it on another', async () => {
    const { track, tabs } = tracker();
    await track.health(1, 'https://x.com/home', 'reading');
    await track.navigated(1, 'https://x.com/explore');
    expect(tabs.get(1)?.text).toBe('●');
    await track.navigated(1, 'https://www.reddit.com/');
    expect(tabs.get(1)).toMatchObject({ text: '', title: 'Feedlens: no posts read on Reddit yet' });
  });

  it('falls back to the site’s last known status for a tab it has not heard from', async () => {
    const { track, tabs } = tracker(defaultSettings(), { x: { status: 'paused', at: NOW } });
    await track.navigated(4, 'https://x.com/home');
    expect(tabs.get(4)?.text).toBe('!');
  });

  it('shows hidden counts where the site’s switch is on, and drops them when settings change', async () => {
    const hiding = withSiteHiding(defaultSettings(), 'x', true);
    const { track, tabs } = tracker(hiding);
    await track.health(1, 'https://x.com/home', 'reading');
    await track.health(2, 'https://www.reddit.com/', 'reading');
    expect(tabs.get(1)).toMatchObject({ text: '–', title: 'Feedlens: counts hidden on X' });
    expect(tabs.get(2)?.text).toBe('●');

    // Snoozed: the counts are back for a while.
    await track.refresh(withSnooze(hiding, NOW + 60_000));
    expect(tabs.get(1)?.text).toBe('●');
    expect(await track.nextChange()).toBe(NOW + 60_000);

    // A closed tab is forgotten (not set again).
    track.removed(1);
    tabs.delete(1);
    await track.refresh(hiding);
    expect(tabs.has(1)).toBe(false);
  });
});
