/**
 * "Feedlens off here" in real Chromium on X: with the site off nothing is read, stored, shown or
 * hidden there (even with hiding on), the popup offers only the way back, and switching back on
 * from the popup brings reading, badges and hiding back to the open tab without reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../lib/settings/settings';
import type { PostRecord } from '../../lib/storage/db';
import { launch, waitFor, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

type ChromeGlobal = {
  chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
};

function offOnX(off: boolean): Settings {
  const settings = defaultSettings();
  settings.hide.enabled = true;
  settings.hide.sites.x = true;
  // Badges show where counts are hidden too, so their absence below means "off", not "hidden".
  settings.hide.hideFeedlensFigures = false;
  settings.offSites.x = off;
  return settings;
}

const likeHidden = (page: Page) =>
  page.evaluate(() => {
    const span = document.querySelector('article [data-testid$="like"] span')!;
    return getComputedStyle(span).visibility === 'hidden';
  });

const registrations = () =>
  harness.inBackground(async () => {
    const scripts = await (globalThis as unknown as ChromeGlobal).chrome.scripting.getRegisteredContentScripts();
    return scripts.map((s) => s.id);
  }, null);

describe('Feedlens off on one site', () => {
  it('reads, stores, shows and hides nothing there, and comes back from the popup without reload', async () => {
    await harness.saveSettings(offOnX(true));
    await waitFor(async () => !(await registrations()).includes('feedlens-hide-x'), 'no pre-load hiding for X');
    const { page, tabId } = await harness.openTab('https://x.com/home');
    // The content script has the settings once it has marked the page ready (with nothing hidden).
    await waitFor(
      () => page.evaluate(() => document.documentElement.getAttribute('data-feedlens-hide') === ''),
      'the settings to reach the page',
    );
    // A post added while off, as scrolling would: still nothing read.
    await page.evaluate(() => {
      const post = document.querySelector('article')!;
      post.parentElement!.append(post.cloneNode(true));
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await likeHidden(page)).toBe(false);
    expect((await harness.readerStats(tabId)).posts).toBe(0);
    expect(await page.locator('feedlens-badge').count()).toBe(0);
    expect((await harness.storeContents<PostRecord>('posts')).filter((p) => p.platform === 'x')).toEqual([]);

    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    const off = popup.getByRole('switch', { name: 'Feedlens off here' });
    await waitFor(async () => (await off.getAttribute('aria-checked')) === 'true', 'the popup to show the site off');
    expect(await popup.getByRole('switch').count()).toBe(1);
    expect(await popup.locator('.post-list, .totals').count()).toBe(0);

    await off.click();
    await waitFor(() => likeHidden(page), 'counts hidden once Feedlens is back on');
    await harness.storedPosts('x', (posts) => posts.length > 0, 'X posts stored once back on');
    await waitFor(async () => (await page.locator('feedlens-badge').count()) > 0, 'badges back');
    await waitFor(async () => (await registrations()).includes('feedlens-hide-x'), 'pre-load hiding for X again');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await popup.close();
    await page.close();
  });
});
