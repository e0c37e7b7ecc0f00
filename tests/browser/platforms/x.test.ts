import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { launch, waitFor, type Harness } from '../harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

/**
 * What X does while the user scrolls: appends a cell per new post (and reuses old articles). The
 * new posts carry X's markup: a bar label listing non-zero counts, a label and text per control.
 */
function scrollFeed(page: import('playwright-core').Page, round: number) {
  return page.evaluate((n) => {
    const cells = document.querySelectorAll('[data-testid="cellInnerDiv"]');
    const template = cells[0]!;
    const controls = [
      ['replies', '[data-testid="reply"]', 'Replies. Reply', 'Reply'],
      ['reposts', '[data-testid$="retweet"]', 'reposts. Repost', 'Repost'],
      ['likes', '[data-testid$="like"]', 'Likes. Like', 'Like'],
      ['views', 'a[href$="/analytics"]', 'views. View post analytics', 'View post analytics'],
    ] as const;
    for (let i = 0; i < 3; i++) {
      const counts = { replies: i, reposts: n, likes: 100 + i, views: 1000 * (i + 1) };
      const cell = template.cloneNode(true) as Element;
      const id = `18610000000000${String(n * 10 + i).padStart(5, '0')}`;
      cell.querySelector('time')!.parentElement!.setAttribute('href', `/ada/status/${id}`);
      cell.querySelector('a[href$="/analytics"]')!.setAttribute('href', `/ada/status/${id}/analytics`);
      const listed = controls.filter(([metric]) => counts[metric] > 0).map(([metric]) => `${counts[metric]} ${metric}`);
      cell.querySelector('[role="group"]')!.setAttribute('aria-label', listed.join(', '));
      for (const [metric, selector, label, bare] of controls) {
        const control = cell.querySelector(selector)!;
        const value = counts[metric];
        control.setAttribute('aria-label', value > 0 ? `${value} ${label}` : bare);
        const text = control.querySelector('[data-testid="app-text-transition-container"]');
        if (text) text.textContent = value > 0 ? String(value) : '';
      }
      template.parentElement!.append(cell);
    }
    window.scrollBy(0, 2000);
  }, round);
}

describe('X in Chromium with the built extension', () => {
  it('reads the home timeline as the user scrolls and stores posts and counts in the extension’s IndexedDB', async () => {
    const page = await harness.open('https://x.com/home');
    const posts = await waitFor(async () => {
      const stored = await harness.storeContents<PostRecord>('posts');
      return stored.length >= 6 && stored;
    }, 'the timeline’s six posts in IndexedDB');
    expect(posts.find((p) => p.key === 'x:1858979112345600001')).toMatchObject({
      url: 'https://x.com/ada/status/1858979112345600001',
      author: 'ada',
      postedAt: Date.parse('2024-11-19T20:15:00.000Z'),
      latest: {
        replies: { precision: 'exact', value: 12 },
        reposts: { precision: 'exact', value: 34 },
        likes: { precision: 'exact', value: 567 },
        bookmarks: { precision: 'exact', value: 8 },
        views: { precision: 'exact', value: 9012 },
      },
    });
    expect(posts.find((p) => p.key === 'x:1153443434222432256')?.latest.views).toBeUndefined();

    await scrollFeed(page, 1);
    await scrollFeed(page, 2);
    const after = await waitFor(async () => {
      const stored = await harness.storeContents<PostRecord>('posts');
      return stored.length >= 12 && stored;
    }, 'six more posts after scrolling');
    expect(after.find((p) => p.key === 'x:1861000000000000012')?.latest).toMatchObject({
      likes: { value: 102 },
      views: { value: 3000 },
    });

    // A count changes on a post already stored: a second snapshot, same record.
    await page.evaluate(() => {
      const bar = document.querySelector('[role="group"]')!;
      bar.setAttribute('aria-label', '12 replies, 34 reposts, 600 likes, 8 bookmarks, 9900 views');
      bar.querySelector('[data-testid="like"]')!.setAttribute('aria-label', '600 Likes. Like');
      bar.querySelector('a[href$="/analytics"]')!.setAttribute('aria-label', '9900 views. View post analytics');
    });
    const snapshots = await waitFor(async () => {
      const all = await harness.storeContents<SnapshotRecord>('snapshots');
      const mine = all.filter((s) => s.post === 'x:1858979112345600001');
      return mine.length === 2 && mine;
    }, 'a second snapshot for the changed post');
    expect(snapshots.map((s) => s.counts.likes)).toEqual([
      { precision: 'exact', value: 567 },
      { precision: 'exact', value: 600 },
    ]);
    expect(harness.strayRequests).toEqual([]);
  });

  it('keeps reading after in-app navigation to a status page', async () => {
    const page = await harness.open('https://x.com/home');
    await page.evaluate(() => {
      // X swaps the page content and pushes a new address without a page load.
      history.pushState({}, '', '/sato_hanako/status/1860100000000000010');
      document.querySelector('[data-testid="primaryColumn"]')!.innerHTML =
        '<article data-testid="tweet" tabindex="-1"><div data-testid="User-Name"><a href="/sato_hanako/status/1860100000000000010"><time datetime="2024-11-22T06:04:00.000Z">x</time></a></div><div role="group" aria-label="1 reply, 2 reposts, 3 likes, 4 views"><button data-testid="reply" aria-label="1 Reply. Reply"></button><button data-testid="retweet" aria-label="2 reposts. Repost"></button><button data-testid="like" aria-label="3 Likes. Like"></button><a href="/sato_hanako/status/1860100000000000010/analytics" aria-label="4 views. View post analytics"></a></div></article>';
    });
    const post = await waitFor(async () => {
      const stored = await harness.storeContents<PostRecord>('posts');
      return stored.find((p) => p.key === 'x:1860100000000000010');
    }, 'the post of the page navigated to');
    expect(post.latest).toMatchObject({
      replies: { value: 1 },
      reposts: { value: 2 },
      likes: { value: 3 },
      views: { value: 4 },
    });
  });
});
