import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reddit } from '../../../lib/platforms/reddit';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { launch, waitFor, type Harness } from '../harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const storedPosts = (min: number, what: string) => harness.storedPosts('reddit', (posts) => posts.length >= min, what);

/**
 * What new Reddit does while the user scrolls: appends the next cards (each a `shreddit-post` whose
 * counters live in its own shadow root) at the end of the feed.
 */
function scrollFeed(page: import('playwright-core').Page, round: number) {
  return page.evaluate((n) => {
    const feed = document.querySelector('shreddit-feed')!;
    for (let i = 0; i < 2; i++) {
      const id = `1u7${n}${i}zz`;
      const article = document.createElement('article');
      const post = document.createElement('shreddit-post');
      const permalink = `/r/scrolling/comments/${id}/post_${n}_${i}/`;
      Object.entries({
        id: `t3_${id}`,
        permalink,
        author: `scroller_${n}`,
        score: String(100 * n + i),
        'comment-count': String(n + i),
        'created-timestamp': '2026-06-15T10:00:00.000000+0000',
        'post-title': `Scrolled post ${n}.${i}`,
      }).forEach(([name, value]) => post.setAttribute(name, value));
      const shadow = post.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<div data-testid="action-row"><faceplate-number number="${100 * n + i}">${100 * n + i}</faceplate-number></div>`;
      article.append(post);
      feed.append(article);
    }
    window.scrollBy(0, 2000);
  }, round);
}

describe('Reddit in Chromium with the built extension', () => {
  it('reads the new Reddit feed from the posts’ attributes and keeps reading as the user scrolls', async () => {
    const page = await harness.open('https://www.reddit.com/');
    // The fixture's counters really are inside shadow roots here, as on the live site.
    expect(
      await page.evaluate(() => ({
        light: document.querySelectorAll('shreddit-post faceplate-number').length,
        shadowed: Array.from(document.querySelectorAll('shreddit-post')).every(
          (p) => p.shadowRoot?.querySelector('faceplate-number') !== null,
        ),
      })),
    ).toEqual({ light: 0, shadowed: true });

    const posts = await storedPosts(4, 'the four feed posts in IndexedDB');
    expect(posts.find((p) => p.key === 'reddit:t3_1u4zk2m')).toMatchObject({
      url: 'https://www.reddit.com/r/unpopularopinion/comments/1u4zk2m/pineapple_belongs_on_every_pizza/',
      author: 'contrarian_carl',
      postedAt: Date.parse('2026-06-14T07:40:02.500Z'),
      latest: { likes: { precision: 'exact', value: -17 }, replies: { precision: 'exact', value: 203 } },
    });
    expect(posts.find((p) => p.key === 'reddit:t3_1u3xy9b')?.latest).toMatchObject({
      likes: { precision: 'exact', value: 98765 },
      replies: { precision: 'exact', value: 4321 },
    });
    expect(posts.find((p) => p.key === 'reddit:t3_1u51ad1')).toMatchObject({ promoted: true });

    await scrollFeed(page, 1);
    await scrollFeed(page, 2);
    const after = await storedPosts(8, 'four more posts after scrolling');
    expect(after.find((p) => p.key === 'reddit:t3_1u721zz')?.latest).toMatchObject({
      likes: { value: 201 },
      replies: { value: 3 },
    });

    // Votes come in: Reddit updates the score attribute of a post already stored.
    await page.evaluate(() => document.querySelector('shreddit-post')!.setAttribute('score', '1240'));
    const snapshots = await waitFor(async () => {
      const all = await harness.storeContents<SnapshotRecord>('snapshots');
      const mine = all.filter((s) => s.post === 'reddit:t3_1u50qw7');
      return mine.length === 2 ? mine : null;
    }, 'a second snapshot for the post whose score changed');
    expect(snapshots.map((s) => s.counts.likes)).toEqual([
      { precision: 'exact', value: 1234 },
      { precision: 'exact', value: 1240 },
    ]);
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads old Reddit: hidden and negative scores, canonical www permalinks', async () => {
    await harness.open('https://old.reddit.com/r/programming/');
    const posts = await waitFor(async () => {
      const stored = await harness.storeContents<PostRecord>('posts');
      return stored.some((p) => p.key === 'reddit:t3_1u60i9j') ? stored : null;
    }, 'the old Reddit listing in IndexedDB');
    expect(posts.find((p) => p.key === 'reddit:t3_1u60c3d')).toMatchObject({
      url: 'https://www.reddit.com/r/programming/comments/1u60c3d/show_rprogramming_a_tiny_lisp_in_300_lines_of_rust/',
      latest: { likes: { precision: 'hidden' }, replies: { precision: 'exact', value: 0 } },
    });
    expect(posts.find((p) => p.key === 'reddit:t3_1u60e5f')?.latest.likes).toMatchObject({ value: -8 });
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads the 2018–2023 redesign new.reddit.com serves: ranges for "12.4k", the ad unit not a post', async () => {
    await harness.open('https://new.reddit.com/r/Showerthoughts/comments/1qz8v2k/every_stapler_is_a_tiny_bookbinder/');
    const posts = await waitFor(async () => {
      const stored = (await harness.storeContents<PostRecord>('posts')).filter((p) =>
        ['t3_1qz8v2k', 't3_1r0ad9x', 't3_1qyk2mm', 't3_1qxa7pp', 't3_1qw3nn4'].some((id) => p.key === `reddit:${id}`),
      );
      return stored.length === 5 ? stored : null;
    }, 'the redesign page and the four posts beside it in IndexedDB');
    expect(posts.find((p) => p.key === 'reddit:t3_1qz8v2k')).toMatchObject({
      url: 'https://www.reddit.com/r/Showerthoughts/comments/1qz8v2k/every_stapler_is_a_tiny_bookbinder/',
      author: 'staple_sage',
      latest: {
        likes: { precision: 'rounded', min: 12_350, max: 12_450 },
        replies: { precision: 'rounded', min: 1_250, max: 1_350 },
      },
    });
    expect(posts.find((p) => p.key === 'reddit:t3_1r0ad9x')).toMatchObject({ promoted: true });
    expect(posts.find((p) => p.key === 'reddit:t3_1qxa7pp')?.latest).toEqual({}); // "Vote" and "Comment": unknown
    const all = await harness.storeContents<PostRecord>('posts');
    expect(all.some((p) => p.key.startsWith('reddit:t3_z'))).toBe(false);
    expect(harness.strayRequests).toEqual([]);
  });

  it('hides the redesign’s scores and comment counts, leaving the arrows and the links in place', async () => {
    const page = await harness.open(
      'https://new.reddit.com/r/Showerthoughts/comments/1qz8v2k/every_stapler_is_a_tiny_bookbinder/',
    );
    const state = await page.evaluate(
      (list) => {
        const style = document.createElement('style');
        style.textContent = list.map((s) => `${s} { visibility: hidden !important; }`).join('\n');
        document.head.append(style);
        const visibility = (s: string) =>
          Array.from(document.querySelectorAll(s), (e) => getComputedStyle(e).visibility);
        return {
          unsupported: list.filter((s) => !CSS.supports(`selector(${s})`)),
          scores: visibility('[id^="vote-arrows-"] > div'),
          comments: visibility('a[data-click-id="comments"] > span'),
          kept: [
            ...visibility('[data-click-id="upvote"]'),
            ...visibility('a[data-click-id="comments"]'),
            ...visibility('a[data-click-id="comments"] > i'),
          ],
        };
      },
      [...(reddit.hide.likes ?? []), ...(reddit.hide.replies ?? [])],
    );
    expect(state.unsupported).toEqual([]);
    expect(state.scores).toHaveLength(5);
    expect(new Set([...state.scores, ...state.comments])).toEqual(new Set(['hidden']));
    expect(new Set(state.kept)).toEqual(new Set(['visible']));
  });

  it('hides old Reddit scores and karma with its selectors, leaving arrows, titles and links in place', async () => {
    const page = await harness.open(
      'https://old.reddit.com/r/france/comments/3r5xq2/la_meilleure_boulangerie_de_lyon/',
    );
    const selectors = [
      ...(reddit.hide.likes ?? []),
      ...(reddit.hide.followers ?? []),
      ...(reddit.collapse?.likes ?? []),
      ...(reddit.collapse?.followers ?? []),
    ];
    const state = await page.evaluate((list) => {
      const unsupported = list.filter((s) => !CSS.supports(`selector(${s})`));
      const style = document.createElement('style');
      style.textContent = list.map((s) => `${s} { visibility: hidden !important; }`).join('\n');
      document.head.append(style);
      const visibility = (s: string) => Array.from(document.querySelectorAll(s), (e) => getComputedStyle(e).visibility);
      return {
        unsupported,
        scores: visibility('.thing.link > .midcol .score'),
        commentScores: visibility('.thing.comment .tagline .score'),
        karma: visibility('#header .userkarma'),
        kept: [
          ...visibility('.thing.link > .midcol .arrow'),
          ...visibility('.thing.link a.title'),
          ...visibility('.thing.link a.comments'),
          ...visibility('.thing.comment .tagline a.author'),
        ],
      };
    }, selectors);
    expect(state.unsupported).toEqual([]);
    expect(new Set([...state.scores, ...state.commentScores, ...state.karma])).toEqual(new Set(['hidden']));
    expect(state.scores).toHaveLength(3);
    expect(new Set(state.kept)).toEqual(new Set(['visible']));
  });
});
