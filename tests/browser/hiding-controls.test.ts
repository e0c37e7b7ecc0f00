/**
 * The hiding controls beyond on/off, in real Chromium on X: the snooze ending by itself, the
 * schedule, the user's own posts, not reading while hidden, the shortcut (peeking: peek.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../lib/settings/settings';
import type { PostRecord } from '../../lib/storage/db';
import { xLikeHidden } from './hide-probe';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

type ChromeGlobal = {
  chrome: {
    commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  };
};

function hidingOnX(edit: (s: Settings) => void = () => undefined): Settings {
  const settings = defaultSettings();
  settings.hide.sites.x = true;
  settings.hide.enabled = true;
  edit(settings);
  return settings;
}

describe('hiding controls on X', () => {
  it('does not read or store posts where counts are hidden, when the user says so', async () => {
    await harness.saveSettings(hidingOnX((s) => (s.hide.keepReading = false)));
    const { page, tabId } = await harness.openTab('https://x.com/lena_s');
    await waitFor(() => xLikeHidden(page, 0), 'counts hidden');
    await harness.settled(tabId);
    const stored = await harness.storeContents<PostRecord>('posts');
    expect(stored.filter((p) => p.author === 'lena_s')).toEqual([]);
    await page.close();
  });

  it('shows counts during a snooze and hides them again by itself when it ends', async () => {
    await harness.saveSettings(hidingOnX((s) => (s.hide.snoozeUntil = Date.now() + 3000)));
    const page = await harness.open('https://x.com/home');
    await waitFor(async () => !(await xLikeHidden(page, 0)), 'counts shown while snoozed');
    await waitFor(() => xLikeHidden(page, 0), 'counts hidden again when the snooze ends', 8000);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await page.close();
  });

  it('hides only inside the schedule', async () => {
    const minute = new Date().getHours() * 60 + new Date().getMinutes();
    const outside = {
      enabled: true,
      days: [0, 1, 2, 3, 4, 5, 6],
      from: (minute + 120) % 1440,
      to: (minute + 180) % 1440,
    };
    await harness.saveSettings(hidingOnX((s) => (s.hide.schedule = outside)));
    const { page, tabId } = await harness.openTab('https://x.com/home');
    await harness.settled(tabId);
    expect(await xLikeHidden(page, 0)).toBe(false);
    const inside = { ...outside, from: (minute + 1439) % 1440, to: (minute + 60) % 1440 };
    await harness.saveSettings(hidingOnX((s) => (s.hide.schedule = inside)));
    await waitFor(() => xLikeHidden(page, 0), 'counts hidden when the schedule covers now');
    await page.close();
  });

  it('keeps counts on the user’s own posts', async () => {
    await harness.saveSettings(hidingOnX((s) => (s.accounts.x = ['Ada'])));
    const page = await harness.open('https://x.com/home');
    // The first post is @ada's; the second is @grace's.
    await waitFor(async () => !(await xLikeHidden(page, 0)), 'the own post’s counts to show');
    expect(await xLikeHidden(page, 1)).toBe(true);
    expect(await page.locator('article').first().getAttribute('data-feedlens-own')).toBe('');
    await harness.saveSettings(hidingOnX((s) => (s.hide.showOwnPosts = false)));
    await waitFor(() => xLikeHidden(page, 0), 'own counts hidden once the exception is off');
    await page.close();
  });

  it('registers the keyboard shortcut that toggles hiding on the current site', async () => {
    const commands = await harness.inBackground(
      () => (globalThis as unknown as ChromeGlobal).chrome.commands.getAll(),
      null,
    );
    expect(commands.find((c) => c.name === 'toggle-hiding')?.shortcut).toBe('Alt+Shift+H');
  });
});
