/**
 * Notification counts in real Chromium on X: the unread badges in the side navigation are never
 * painted (from the first frame, like every hidden count: tests/browser/hiding.test.ts checks each
 * site's fixtures), the "(3)" before the tab title goes too, and both come back, live, when the
 * user shows notification counts again, while likes stay hidden.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, withMode, withSiteHiding, type Settings } from '../../lib/settings/settings';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const hidingOnX = (): Settings => withSiteHiding(defaultSettings(), 'x', true);

const state = (page: Page) =>
  page.evaluate(() => {
    const hidden = (selector: string) => getComputedStyle(document.querySelector(selector)!).visibility === 'hidden';
    const link = document.querySelector('a[data-testid="AppTabBar_Notifications_Link"]')!.getBoundingClientRect();
    return {
      title: document.title,
      badge: hidden('a[data-testid="AppTabBar_Notifications_Link"] [aria-live="polite"]'),
      messages: hidden('a[data-testid="AppTabBar_DirectMessage_Link"] [aria-live="polite"]'),
      icon: hidden('a[data-testid="AppTabBar_Notifications_Link"] svg'),
      label: hidden('a[data-testid="AppTabBar_Notifications_Link"] > div > div[dir] > span'),
      like: hidden('article [data-testid$="like"] span'),
      link: [link.x, link.y, link.width, link.height],
    };
  });

describe('notification counts', () => {
  it('are hidden with the tab title’s count, and come back live when shown again', async () => {
    await harness.saveSettings(hidingOnX());
    const page = await harness.open('https://x.com/home');
    await waitFor(async () => (await state(page)).title === 'Home / X', 'the title without its count');
    const hidden = await state(page);
    expect(hidden).toMatchObject({ badge: true, messages: true, icon: false, label: false, like: true });

    await harness.saveSettings(withMode(hidingOnX(), 'x', 'notifications', 'exact'));
    await waitFor(async () => (await state(page)).title === '(3) Home / X', 'the site’s own title back');
    const shown = await state(page);
    expect(shown).toMatchObject({ badge: false, messages: false, icon: false, label: false, like: true });
    // The link neither moved nor changed size.
    expect(shown.link).toEqual(hidden.link);

    // The site's next title update keeps its count while notifications are shown.
    await page.evaluate(() => (document.title = '(4) Home / X'));
    await harness.saveSettings(hidingOnX());
    await waitFor(async () => (await state(page)).title === 'Home / X', 'the new count stripped');
    await page.close();
  });
});
