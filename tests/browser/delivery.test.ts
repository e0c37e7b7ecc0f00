/**
 * Issue 9's lost batches: several tabs read thousands of posts while the service worker is stopped
 * again and again (CDP `ServiceWorker.stopWorker`, as Chrome stops an idle one). Every reading a
 * content script took must end up stored exactly once: none lost, no snapshot twice.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../lib/settings/settings';
import type { PostRecord, SnapshotRecord } from '../../lib/storage/db';
import { fixturePage } from '../fixture-pages';
import { installFeedDriver, type FeedDriver, type FeedProgress } from './feed-driver';
import { launch, waitFor, type Harness } from './harness';

const TABS = 3;
const POSTS_PER_TAB = 1000;
/** Generated post ids start with their tab's number and five zeros (tests/browser/feed-driver.ts). */
const generated = (tab: number) => (id: string) => id.startsWith(`${tab}00000`);

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
  // Badges would ask the background about every post: work beside the point here.
  const settings = defaultSettings();
  settings.overlay.enabled = false;
  await harness.saveSettings(settings);
});
afterAll(async () => {
  await harness?.close();
});

const progress = (page: Page) =>
  page.evaluate(() => (window as unknown as { __feed?: FeedProgress }).__feed ?? { mounted: 0, done: false });

describe('delivery while the service worker keeps stopping', () => {
  it('stores every reading of several tabs exactly once', { timeout: 240_000 }, async () => {
    const html = fixturePage('x-home-timeline.html').html;
    const tabs: { page: Page; tabId: number; before: number }[] = [];
    for (let tab = 1; tab <= TABS; tab++) {
      const url = `https://x.com/home?delivery=${tab}`;
      harness.serve(url, html);
      const { page, tabId } = await harness.openTab(url);
      // The fixture's own posts are read first (the same posts in every tab): counted apart.
      const first = await waitFor(async () => {
        const stats = (await harness.readerStats(tabId)).delivery;
        return stats && stats.taken > 0 && stats.pending === 0 && stats;
      }, `tab ${tab} to store the fixture's posts`);
      await page.evaluate(installFeedDriver);
      tabs.push({ page, tabId, before: first.taken });
    }

    const feeds = tabs.map(({ page }, i) =>
      page.evaluate((options) => (window as unknown as { __feedDriver: FeedDriver }).__feedDriver.growFeed(options), {
        tab: i + 1,
        total: POSTS_PER_TAB,
        perTick: 5,
        bumpAfter: 10,
      }),
    );
    // Stop the worker at several points while the tabs keep reading and sending...
    for (const [stop, share] of [0.2, 0.4, 0.6, 0.8].entries()) {
      const page = tabs[stop % TABS]!.page;
      await waitFor(
        async () => (await progress(page)).mounted >= share * POSTS_PER_TAB,
        `tab ${(stop % TABS) + 1} to show ${share * POSTS_PER_TAB} posts`,
        60_000,
      );
      await harness.stopServiceWorker(page);
    }
    await Promise.all(feeds);
    // ...and while the last readings are on their way (background tabs, whose frames Chromium
    // slows down, read theirs later).
    for (let stop = 0; stop < 3; stop++) {
      const inFlight = await waitFor(async () => {
        const all = await Promise.all(tabs.map(({ tabId }) => harness.readerStats(tabId)));
        const busy = all.findIndex((s) => s.delivery!.pending > 0);
        return busy >= 0 ? tabs[busy] : all.every((s) => s.delivery!.pending === 0) && 'none';
      }, 'a tab with readings on their way');
      if (inFlight === 'none') break;
      await harness.stopServiceWorker(inFlight.page);
    }

    const finals = await waitFor(
      async () => {
        const all = await Promise.all(tabs.map(({ tabId }) => harness.readerStats(tabId)));
        // A tab's last changes may not be read yet, or read but kept back for the send delay: a
        // background tab gets about one frame a second. Nothing in flight means done only then.
        return all.every((s) => s.unsent === 0 && s.delivery?.pending === 0) && all.map((s) => s.delivery!);
      },
      'every tab to have read its last changes and had its readings acknowledged',
      120_000,
    );
    expect(finals.map((s) => s.dropped)).toEqual([0, 0, 0]);

    const posts = (await harness.storeContents<PostRecord>('posts')).filter((p) => p.platform === 'x');
    const snapshots = await harness.storeContents<SnapshotRecord>('snapshots');
    for (const [i, tab] of tabs.entries()) {
      const mine = generated(i + 1);
      const stored = posts.filter((p) => mine(p.postId));
      console.log(
        `tab ${i + 1}: ${finals[i]!.taken - tab.before} readings, ${finals[i]!.resent} resent, ${finals[i]!.failures} failures`,
      );
      // Every post the tab showed is stored, at the count it shows last.
      expect(stored).toHaveLength(POSTS_PER_TAB);
      for (const post of stored) {
        const n = Number(post.postId.slice(6));
        expect(post.latest.likes).toEqual({ precision: 'exact', value: 101 + n });
      }
      // Each reading the content script took is one snapshot: none lost, none twice.
      const history = snapshots.filter((s) => mine(s.post.slice(2)));
      expect(history).toHaveLength(finals[i]!.taken - tab.before);
      const likesByPost = new Map<string, number[]>();
      for (const s of history)
        likesByPost.set(s.post, [...(likesByPost.get(s.post) ?? []), (s.counts.likes as { value: number }).value]);
      for (const likes of likesByPost.values()) expect(likes).toEqual([...new Set(likes)].sort((a, b) => a - b));
    }
    // The worker really did lose messages: delivery had to send readings again.
    expect(finals.reduce((sum, s) => sum + s.resent + s.failures, 0)).toBeGreaterThan(0);
    expect(harness.strayRequests).toEqual([]);
  });
});
