import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bluesky } from '../../../lib/platforms/bluesky';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { launch, waitFor, type Harness } from '../harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

/** What Bluesky does while the user scrolls: appends the next feed cards. */
function scrollFeed(page: import('playwright-core').Page, round: number) {
  return page.evaluate((n) => {
    const template = document.querySelector('[data-testid^="feedItem-by-"]')!.parentElement!;
    for (let i = 0; i < 2; i++) {
      const card = template.cloneNode(true) as Element;
      // TIDs of 2026-01-21T1n:0i:00Z (clock id 0), encoded by hand (see tidTime).
      const rkey = ['3mcwjdorn2222', '3mcwjfhyos222', '3mcwmoxyw2222', '3mcwmqr7xs222'][(n - 1) * 2 + i]!;
      card.querySelector('a[href*="/post/"]')!.setAttribute('href', `/profile/ada.example.com/post/${rkey}`);
      card.querySelector('[data-testid="likeBtn"]')!.setAttribute('aria-label', `Like (${10 * n + i} likes)`);
      card.querySelector('[data-testid="likeCount"]')!.textContent = String(10 * n + i);
      template.parentElement!.append(card);
    }
    window.scrollBy(0, 2000);
  }, round);
}

describe('Bluesky in Chromium with the built extension', () => {
  it('reads a profile feed, follows a like as it lands, and reads posts appended by scrolling', async () => {
    const page = await harness.open('https://bsky.app/profile/ada.example.com');
    const first = await harness.storedPost('bluesky:3mctt2bdni22b');
    expect(first).toMatchObject({
      url: 'https://bsky.app/profile/ada.example.com/post/3mctt2bdni22b',
      author: 'ada.example.com',
      postedAt: Date.parse('2026-01-20T09:15:42.123Z'),
      includes: { reposts: ['quotes'] },
      latest: {
        likes: { precision: 'exact', value: 3817 },
        replies: { precision: 'exact', value: 124 },
        reposts: { precision: 'exact', value: 622 },
      },
    });
    expect((await harness.storedPost('bluesky:3mcmmjtmpkk2d')).latest.reposts).toEqual({
      precision: 'rounded',
      value: 12000,
      min: 12000,
      max: 13000,
    });
    const posts = await harness.storeContents<PostRecord>('posts');
    expect(posts.some((p) => p.key === 'bluesky:3mc2qubi4222c')).toBe(false); // the quoted post

    // The reader likes the first post: the label turns into "Unlike (…)" and CountWheel rolls the number.
    await page.evaluate(() => {
      const like = document.querySelector('[data-testid="likeBtn"]')!;
      like.setAttribute('aria-label', 'Unlike (3,818 likes)');
      like.querySelector('[data-testid="likeCount"]')!.textContent = '3.8K';
    });
    const snapshots = await waitFor(async () => {
      const all = await harness.storeContents<SnapshotRecord>('snapshots');
      const mine = all.filter((s) => s.post === 'bluesky:3mctt2bdni22b');
      return mine.length === 2 ? mine : null;
    }, 'a second snapshot after the like');
    expect(snapshots.map((s) => s.counts.likes)).toEqual([
      { precision: 'exact', value: 3817 },
      { precision: 'exact', value: 3818 },
    ]);

    await scrollFeed(page, 1);
    await scrollFeed(page, 2);
    const appended = await harness.storedPost('bluesky:3mcwmqr7xs222');
    expect(appended.latest.likes).toEqual({ precision: 'exact', value: 21 });
    expect(appended.postedAt).toBe(Date.parse('2026-01-21T12:01:00Z'));
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads a thread’s focused post from the address, with its quote and save counts', async () => {
    await harness.open('https://bsky.app/profile/lena.example.de/post/3mcw7kr72s22g');
    const focused = await harness.storedPost('bluesky:3mcw7kr72s22g');
    expect(focused.latest).toEqual({
      likes: { precision: 'exact', value: 1234 },
      replies: { precision: 'exact', value: 2 },
      reposts: { precision: 'exact', value: 63 },
      quotes: { precision: 'exact', value: 7 },
      bookmarks: { precision: 'exact', value: 89 },
    });
    expect(focused.includes).toEqual({ reposts: ['quotes'] });
  });

  it('reads the one real post among notification rows and keeps reading (not "layout not recognized")', async () => {
    const { tabId } = await harness.openTab('https://bsky.app/notifications');
    await harness.storedPost('bluesky:3mch4icdc2223');
    const reply = await harness.inBackground(async (id) => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { sendMessage(id: number, m: object): Promise<{ keys: string[]; status: string }> } };
      };
      return chrome.tabs.sendMessage(id, { type: 'page-posts' });
    }, tabId);
    expect(reply).toMatchObject({ keys: ['bluesky:3mch4icdc2223'], status: 'reading' });
  });

  it('hides counts with its selectors and leaves buttons, words and names in place', async () => {
    const page = await harness.open('https://bsky.app/profile/ada.example.com');
    const selectors = [...Object.values(bluesky.hide), ...Object.values(bluesky.collapse ?? {})].flat();
    const state = await page.evaluate((list) => {
      const unsupported = list.filter((s) => !CSS.supports(`selector(${s})`));
      const style = document.createElement('style');
      style.textContent = list.map((s) => `${s} { visibility: hidden !important; }`).join('\n');
      document.head.append(style);
      const visibility = (s: string) => Array.from(document.querySelectorAll(s), (e) => getComputedStyle(e).visibility);
      return {
        unsupported,
        hidden: [
          ...visibility('[data-testid="likeCount"]'),
          ...visibility('[data-testid="repostCount"]'),
          ...visibility('[data-testid="replyBtn"] > div'),
          ...visibility('[data-testid="profileHeaderFollowersButton"] > span:first-child'),
        ],
        kept: [
          ...visibility('[data-testid="likeBtn"] svg'),
          ...visibility('[data-testid="replyBtn"] svg'),
          ...visibility('[data-testid="postText"]'),
          ...visibility('[data-testid="profileHeaderFollowersButton"] > span:last-child'),
          ...visibility('a[href*="/post/"]'),
        ],
      };
    }, selectors);
    expect(state.unsupported).toEqual([]);
    expect(state.hidden.length).toBeGreaterThan(10);
    expect(new Set(state.hidden)).toEqual(new Set(['hidden']));
    expect(new Set(state.kept)).toEqual(new Set(['visible']));
  });
});
