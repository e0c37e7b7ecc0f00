/**
 * Issue 9's flood: a page whose counts change about 850 times a second for 30 s once added 25,119
 * snapshot rows. The store must stay within the bound README states (per post, 10 snapshots at
 * once, then one a minute), and still hold each post's latest counts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostRecord, SnapshotRecord } from '../../lib/storage/db';
import { defaultSettings } from '../../lib/settings/settings';
import { fixturePage } from '../fixture-pages';
import { installFeedDriver, type FeedDriver } from './feed-driver';
import { launch, waitFor, type Harness } from './harness';

const URL = 'https://x.com/home?flood=1';
/** The bound README states, per post: 10 snapshots at once, then one a minute. */
const BURST = 10;
const EVERY_MS = 60_000;

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
  const settings = defaultSettings();
  settings.overlay.enabled = false;
  await harness.saveSettings(settings);
});
afterAll(async () => {
  await harness?.close();
});

const flood = (page: Page) =>
  page.evaluate((options) => (window as unknown as { __feedDriver: FeedDriver }).__feedDriver.floodCounts(options), {
    perSecond: 850,
    seconds: 30,
  });

describe('a page that floods its counts', () => {
  it('grows the store no faster than the stated bound, and keeps the latest counts', { timeout: 180_000 }, async () => {
    harness.serve(URL, fixturePage('x-home-timeline.html').html);
    const { page, tabId } = await harness.openTab(URL);
    await waitFor(async () => (await harness.readerStats(tabId)).delivery?.taken, 'the first readings');
    await page.evaluate(installFeedDriver);
    const final = await flood(page);
    const ids = Object.keys(final);

    const likes = (post: PostRecord | undefined) => (post?.latest.likes as { value?: number } | undefined)?.value;
    const posts = await harness.storedPosts(
      'x',
      (stored) => ids.every((id) => likes(stored.find((p) => p.postId === id)) === final[id]),
      'every flooded post at its final count',
    );
    const stats = (await harness.readerStats(tabId)).delivery!;
    const snapshots = (await harness.storeContents<SnapshotRecord>('snapshots')).filter((s) =>
      ids.includes(s.post.slice(2)),
    );
    for (const id of ids) {
      const mine = snapshots.filter((s) => s.post === `x:${id}`).map((s) => s.at);
      const span = Math.max(...mine) - Math.min(...mine);
      expect(mine.length).toBeLessThanOrEqual(BURST + Math.floor(span / EVERY_MS));
      // The post record still has the newest reading, held back from the snapshots or not.
      expect(posts.find((p) => p.postId === id)?.last?.counts.likes).toEqual({
        precision: 'exact',
        value: final[id],
      });
    }
    console.log(`${ids.length} posts, ${stats.taken} readings sent, ${snapshots.length} snapshots kept`);
    expect(stats.taken).toBeGreaterThan(snapshots.length * 5);
    expect(snapshots.length).toBeLessThanOrEqual(ids.length * (BURST + 1));
  });
});
