/**
 * The in-feed overlay in real Chromium, on served fixture pages at their real addresses: badges
 * appear for the posts read, without moving any element of the page or covering any of its
 * controls; the card opens and closes by keyboard with the ratios and a sparkline; badges follow the
 * settings (per site, and the wellbeing rule) and the page's theme, live, without reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_TAG } from '../../lib/overlay/host';
import { adapterForUrl } from '../../lib/platforms/registry';
import { defaultSettings, type Settings } from '../../lib/settings/settings';
import type { SnapshotRecord } from '../../lib/storage/db';
import { fixturePage, fixturePages } from '../fixture-pages';
import { launch, waitFor, type Harness } from './harness';
import { badges, pageLayout, showWholePage, type Layout } from './overlay-probe';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

type ChromeGlobal = {
  chrome: {
    tabs: { sendMessage(id: number, message: object): Promise<{ keys: string[] }> };
  };
};

function settings(change: (s: Settings) => void = () => undefined): Settings {
  const s = defaultSettings();
  // The main hiding switch on (off by default): each test turns on the sites it hides.
  s.hide.enabled = true;
  change(s);
  return s;
}

/** The keys of the posts the page's reader has read. */
function pageKeys(tabId: number): Promise<string[]> {
  return harness.inBackground(async (id) => {
    const reply = await (globalThis as unknown as ChromeGlobal).chrome.tabs.sendMessage(id, { type: 'page-posts' });
    return reply.keys;
  }, tabId);
}

/** Runs in the page: whether every post with part of it on the screen shows a badge. */
function everyPostOnScreenHasBadge(tag: string): boolean {
  return [...document.querySelectorAll('article')].every((post) => {
    const box = post.getBoundingClientRect();
    return box.bottom <= 0 || box.top >= innerHeight || !!post.querySelector(tag);
  });
}

const badgeCount = (page: Page) => page.evaluate((tag) => document.querySelectorAll(tag).length, OVERLAY_TAG);
const layout = (page: Page): Promise<Layout> => page.evaluate(pageLayout, OVERLAY_TAG);
const reloaded = (page: Page) => page.evaluate(() => performance.getEntriesByType('navigation').length !== 1);

/** A page opened with the overlay off for its site, once its posts are read. */
async function openRead(url: string, platform: keyof Settings['overlay']['sites']) {
  await harness.saveSettings(settings((s) => (s.overlay.sites[platform] = false)));
  const { page, tabId } = await harness.openTab(url);
  await waitFor(async () => (await pageKeys(tabId)).length > 0, `posts read on ${url}`);
  return { page, tabId };
}

const SHORTS_PLAYER = 'youtube-shorts-en.html';
// At least X, YouTube, Reddit (new and old) and Bluesky in full; one page of every other site.
const REQUIRED = ['x', 'youtube', 'reddit', 'bluesky'];
const seen = new Set<string>();
const pages = fixturePages().filter((f) => {
  if (adapterForUrl(f.url)?.id !== f.platform) return false; // a Mastodon server not added
  if (f.file === SHORTS_PLAYER) return false; // no badges there by design: its own test below
  if (REQUIRED.includes(f.platform)) return true;
  if (seen.has(f.platform)) return false;
  seen.add(f.platform);
  return true;
});

describe.each(pages.map((p) => [p.file, p] as const))('badges on %s', (_file, fixture) => {
  it('appear for every post read, move nothing, cover no control, and change none of the page’s text', async () => {
    const platform = fixture.platform as keyof Settings['overlay']['sites'];
    const { page, tabId } = await openRead(fixture.url, platform);
    await showWholePage(page);
    expect(await badgeCount(page)).toBe(0);
    const without = await layout(page);

    // Switched on live: one badge per post read.
    await harness.saveSettings(settings());
    const keys = await pageKeys(tabId);
    await waitFor(async () => (await badgeCount(page)) === keys.length, `${keys.length} badges`);
    const shown = await page.evaluate(badges, OVERLAY_TAG);
    expect(shown.every((b) => b.lightChildren === 0)).toBe(true);
    expect(shown.every((b) => b.text.length > 0)).toBe(true);

    const withBadges = await layout(page);
    expect(withBadges.boxes.length, 'same elements').toBe(without.boxes.length);
    expect(
      withBadges.boxes.filter((box, i) => box !== without.boxes[i]),
      'boxes that moved',
    ).toEqual([]);
    expect(
      withBadges.controls.filter((c) => !c.hit).map((c) => c.label),
      'controls no longer clickable',
    ).toEqual(without.controls.filter((c) => !c.hit).map((c) => c.label));
    expect(withBadges.controls.length).toBeGreaterThan(0);
    expect(withBadges.text, 'body.textContent').toBe(without.text);
    expect(await reloaded(page)).toBe(false);
    await page.close();
  });
});

describe('the badge', () => {
  it('shows each post’s figure where it was placed on X, Reddit, YouTube and Bluesky', async () => {
    await harness.saveSettings(settings());
    const expectations: [string, { text: string; anchor: string }][] = [
      ['x-home-timeline.html', { text: '6.9%', anchor: 'tweetText' }],
      ['reddit-home-feed.html', { text: 'ratio 4.5%', anchor: 'span' }],
      ['reddit-old-listing.html', { text: 'ratio 5.6%', anchor: 'p' }],
      ['youtube-watch-en.html', { text: '1.1%', anchor: 'h1' }],
      ['bluesky-home-ja.html', { text: 'amp 14%', anchor: 'postText' }],
    ];
    for (const [file, expected] of expectations) {
      const page = await harness.open(fixturePage(file).url);
      await waitFor(async () => (await badgeCount(page)) > 0, `badges on ${file}`);
      const [first] = await page.evaluate(badges, OVERLAY_TAG);
      expect(first, file).toMatchObject(expected);
      await page.close();
    }
  });

  it('is on the posts near the screen in a long feed, follows the user down, and comes back on scrolling up', async () => {
    await harness.saveSettings(settings());
    const { page, tabId } = await harness.openTab('https://x.com/home');
    // 60 more posts below the fixture's six, as a long scroll leaves them loaded.
    await page.evaluate(() => {
      const cell = document.querySelector('[data-testid="cellInnerDiv"]')!;
      for (let i = 0; i < 60; i++) {
        const copy = cell.cloneNode(true) as Element;
        const id = `18700000000000${String(i).padStart(5, '0')}`;
        copy.querySelector('time')!.parentElement!.setAttribute('href', `/someone/status/${id}`);
        cell.parentElement!.append(copy);
      }
    });
    await waitFor(async () => (await pageKeys(tabId)).length === 66, '66 posts read');
    await waitFor(async () => (await badgeCount(page)) > 0, 'badges near the top');
    const nearTop = await badgeCount(page);
    expect(nearTop).toBeLessThan(66);
    const lastHasBadge = () =>
      page.evaluate((tag) => !![...document.querySelectorAll('article')].at(-1)!.querySelector(tag), OVERLAY_TAG);
    expect(await lastHasBadge()).toBe(false);
    // Down one screen at a time: every post on the screen has its badge; those far above gave theirs back.
    const screens = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight / innerHeight));
    for (let screen = 1; screen <= screens; screen++) {
      await page.evaluate((y) => scrollTo(0, y * innerHeight), screen);
      await waitFor(() => page.evaluate(everyPostOnScreenHasBadge, OVERLAY_TAG), `badges on screen ${screen}`);
    }
    expect(await lastHasBadge()).toBe(true);
    expect(await badgeCount(page)).toBeLessThan(nearTop + 10);
    const firstHasBadge = () =>
      page.evaluate((tag) => !!document.querySelector('article')!.querySelector(tag), OVERLAY_TAG);
    expect(await firstHasBadge()).toBe(false);
    await page.evaluate(() => scrollTo(0, 0));
    await waitFor(firstHasBadge, 'the first post’s badge back at the top');
    await waitFor(async () => !(await lastHasBadge()), 'the last post’s badge given back');
    await page.close();
  });

  it('opens its card by keyboard with the ratios and a sparkline once there are two snapshots, and closes it with Escape', async () => {
    await harness.saveSettings(settings());
    const ada = 'x:1858979112345600001';
    const page = await harness.open('https://x.com/home');
    await waitFor(async () => (await badgeCount(page)) === 6, 'six badges');
    // One more like on Ada's post: a second reading, a second snapshot.
    await page.evaluate(() => {
      const article = document.querySelector('article')!;
      article
        .querySelector('[role="group"]')!
        .setAttribute('aria-label', '12 replies, 34 reposts, 600 likes, 8 bookmarks, 9012 views');
      article.querySelector('[data-testid="like"]')!.setAttribute('aria-label', '600 Likes. Like');
    });
    const snapshots = async () =>
      (await harness.storeContents<SnapshotRecord>('snapshots')).filter((s) => s.post === ada).length;
    await waitFor(async () => (await snapshots()) >= 2, 'a second snapshot of the post');

    const badge = page.locator(`${OVERLAY_TAG} button.badge`).first();
    await waitFor(async () => (await badge.textContent()) === '7.3%', 'the badge to follow the new count');
    const articleClicks = await page.evaluate(() => {
      const w = window as unknown as { articleClicks: number };
      w.articleClicks = 0;
      document.querySelector('article')!.addEventListener('click', () => w.articleClicks++);
      return w.articleClicks;
    });
    await badge.focus();
    await page.keyboard.press('Enter');
    const card = page.locator(`${OVERLAY_TAG} [role="dialog"]`).first();
    await card.waitFor({ state: 'visible' });
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    // Styled by card.js's own rules (the badges' sheet leaves them out): fixed, 300 px wide.
    expect(await card.evaluate((el) => [getComputedStyle(el).position, getComputedStyle(el).width])).toEqual([
      'fixed',
      '300px',
    ]);
    // (600 + 34 + 12 + 8) / 9,012 = 7.26%; 600 / 9,012 = 6.66%.
    expect(await card.locator('[data-rate="engagementRate"] dd').first().textContent()).toBe('7.3%');
    expect(await card.locator('[data-rate="engagementRate"] .formula').textContent()).toBe('engagements ÷ views');
    expect(await card.locator('[data-rate="likesPerView"] dd').first().textContent()).toBe('6.7%');
    expect(await card.locator('[data-compare="usual"]').textContent()).toContain('No “usual” yet');
    await card.locator('.spark[data-metric="likes"] svg path').waitFor();
    expect(await card.locator('.spark[data-metric="likes"] svg path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await page.evaluate(() => (window as unknown as { articleClicks: number }).articleClicks)).toBe(
      articleClicks,
    );
    // Focus is in the card; Escape closes it and gives focus back to the badge.
    const focused = () =>
      page.evaluate(
        (tag) =>
          document.activeElement?.localName === tag && document.activeElement.shadowRoot?.activeElement?.classList[0],
        OVERLAY_TAG,
      );
    expect(await focused()).toBe('card');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await focused()).toBe('badge');
    // Space opens it too; the page's own keyboard shortcuts never see the keys.
    const keysSeen = await page.evaluate(() => {
      const w = window as unknown as { keysSeen: number };
      w.keysSeen = 0;
      document.addEventListener('keydown', () => w.keysSeen++);
      return 0;
    });
    await page.keyboard.press('Space');
    await card.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { keysSeen: number }).keysSeen)).toBe(keysSeen);
    // A click on the badge opens it too, and is not a click on the post.
    await badge.click();
    await card.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => (window as unknown as { articleClicks: number }).articleClicks)).toBe(
      articleClicks,
    );
    expect(harness.strayRequests).toEqual([]);
    await page.close();
  });

  it('goes away without reload when turned off for the site, and comes back', async () => {
    await harness.saveSettings(settings());
    const page = await harness.open(fixturePage('reddit-home-feed.html').url);
    await waitFor(async () => (await badgeCount(page)) === 4, 'four badges');
    await harness.saveSettings(settings((s) => (s.overlay.sites.reddit = false)));
    await waitFor(async () => (await badgeCount(page)) === 0, 'badges gone');
    await harness.saveSettings(settings((s) => (s.overlay.sites.x = false)));
    await waitFor(async () => (await badgeCount(page)) === 4, 'badges back (only X is off now)');
    await harness.saveSettings(settings((s) => (s.overlay.enabled = false)));
    await waitFor(async () => (await badgeCount(page)) === 0, 'badges gone with the main switch');
    expect(await reloaded(page)).toBe(false);
    await page.close();
  });

  it('shows no figures where counts are hidden (the wellbeing rule), and is back when hiding stops', async () => {
    await harness.saveSettings(settings((s) => (s.hide.sites.bluesky = true)));
    const page = await harness.open(fixturePage('bluesky-home-ja.html').url);
    const { page: other } = await harness.openTab(fixturePage('x-home-timeline.html').url);
    await waitFor(async () => (await badgeCount(other)) === 6, 'badges on X, where nothing is hidden');
    expect(await badgeCount(page)).toBe(0);
    await harness.saveSettings(settings((s) => ((s.hide.sites.bluesky = true), (s.hide.hideFeedlensFigures = false))));
    await waitFor(async () => (await badgeCount(page)) > 0, 'badges kept by choice');
    await harness.saveSettings(settings((s) => (s.hide.sites.bluesky = true)));
    await waitFor(async () => (await badgeCount(page)) === 0, 'badges hidden again');
    await harness.saveSettings(settings());
    await waitFor(async () => (await badgeCount(page)) > 0, 'badges back when hiding stops');
    expect(await reloaded(page)).toBe(false);
    await Promise.all([page.close(), other.close()]);
  });

  it('follows the page’s own theme, also when it switches', async () => {
    await harness.saveSettings(settings());
    const url = 'https://x.com/lights-out';
    harness.serve(
      url,
      fixturePage('x-home-timeline.html').html.replace(
        'body{font:15px/1.4 system-ui,sans-serif;margin:0;background:#fff;color:#0f1419}',
        'body{font:15px/1.4 system-ui,sans-serif;margin:0;background:#000;color:#e7e9ea}',
      ),
    );
    const page = await harness.open(url);
    await waitFor(async () => (await badgeCount(page)) === 6, 'six badges');
    const background = async () => (await page.evaluate(badges, OVERLAY_TAG))[0]!.background;
    expect(await background()).toBe('rgb(22, 24, 28)');
    // X's display setting switches the theme in place, on <body>.
    await page.evaluate(() =>
      document.body.setAttribute('style', 'background-color: rgb(255, 255, 255); color: rgb(15, 20, 25)'),
    );
    await waitFor(async () => (await background()) === 'rgb(255, 255, 255)', 'a light badge');
    await page.close();
  });
});

describe('badges on the YouTube Shorts player', () => {
  it('are not made over its crowded video: nothing moves and every control stays clickable', async () => {
    const shorts = await openRead(fixturePage(SHORTS_PLAYER).url, 'youtube');
    const watch = await openRead(fixturePage('youtube-watch-en.html').url, 'youtube');
    // The layout probe scrolls every control into view, the reels' own scroller included: back to the Short.
    const measure = async () => {
      const measured = await layout(shorts.page);
      await shorts.page.evaluate(() => (document.querySelector('#shorts-inner-container')!.scrollTop = 0));
      return measured;
    };
    const without = await measure();
    expect(without.controls.length).toBeGreaterThan(10);
    expect(without.controls.filter((c) => !c.hit)).toEqual([]);

    // Badges on for YouTube: they reach the watch page (which has room for one) and, with the same
    // settings change, the Shorts player, whose Short is read again but gets none.
    await harness.saveSettings(settings());
    await waitFor(async () => (await badgeCount(watch.page)) > 0, 'a badge on the watch page');
    await shorts.page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
    );
    expect(await pageKeys(shorts.tabId)).toEqual(['youtube:Kp4sW9mQ2zL']);
    expect(await badgeCount(shorts.page)).toBe(0);
    const withOverlay = await measure();
    expect(withOverlay.boxes).toEqual(without.boxes);
    expect(withOverlay.controls.filter((c) => !c.hit).map((c) => c.label)).toEqual([]);
    expect(withOverlay.text).toBe(without.text);
    await Promise.all([shorts.page.close(), watch.page.close()]);
  });
});
