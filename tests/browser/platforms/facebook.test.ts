import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebook } from '../../../lib/platforms/facebook';
import { fallbackKey } from '../../../lib/platforms/fingerprint';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { launch, waitFor, type Harness } from '../harness';
import { checkBadges, checkHidden, popupPosts } from './page-checks';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const storedPosts = (check: (posts: PostRecord[]) => boolean, what: string) =>
  harness.storedPosts('facebook', check, what);

const has = (key: string) => (posts: PostRecord[]) => posts.some((p) => p.key === key);
/** The key facebook-feed-pt.html's sixth post gets before its permalink is filled in (author + photo). */
const FINGERPRINT = `facebook:${fallbackKey('diego.ramos.31', 'photo:2244668800224466')}`;

/** What Facebook does while the user scrolls: appends feed units at the end of the feed. */
function scrollFeed(page: import('playwright-core').Page, units: { story: string; likes: string; comments: string }[]) {
  return page.evaluate((list) => {
    const feed = document.querySelector('[role="feed"]')!;
    const template = document.querySelector('[aria-posinset="2"]')!.parentElement!;
    list.forEach((unit, i) => {
      const clone = template.cloneNode(true) as Element;
      const post = clone.querySelector('[aria-posinset]')!;
      post.setAttribute('aria-posinset', String(10 + i));
      post
        .querySelector('a[href*="story_fbid"]')!
        .setAttribute('href', `/permalink.php?story_fbid=${unit.story}&id=100012345678901&__cft__[0]=AZ`);
      const number = (hook: string) =>
        post
          .querySelector(`[data-ad-rendering-role="${hook}"]`)!
          .closest('[role="button"]')!
          .querySelector('span[dir="auto"]')!;
      number('like_button').textContent = unit.likes;
      number('comment_button').textContent = unit.comments;
      feed.append(clone);
    });
    window.scrollBy(0, 2000);
  }, units);
}

describe('Facebook in Chromium with the built extension', () => {
  it('reads the feed, a permalink filled in on hover, posts appended by scrolling, and count changes', async () => {
    const page = await harness.open('https://www.facebook.com/');
    const posts = await storedPosts((p) => p.length >= 5, 'the feed’s five readable posts in IndexedDB');
    expect(
      posts.find((p) => p.key === 'facebook:pfbid02Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS'),
    ).toMatchObject({
      url: 'https://www.facebook.com/lumenviagens/posts/pfbid02Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS',
      author: 'lumenviagens',
      latest: { likes: { precision: 'exact', value: 19 }, replies: { precision: 'exact', value: 9 } },
    });
    expect(posts.find((p) => p.key === 'facebook:1098765432109876')?.latest).toEqual({
      likes: { precision: 'rounded', value: 1200, min: 1150, max: 1250 },
      replies: { precision: 'exact', value: 345 },
      reposts: { precision: 'exact', value: 27 },
    });
    expect(posts.filter((p) => p.promoted).map((p) => p.key)).toEqual(['facebook:5566778899001122']);
    // The post whose time link is still "#": stored under its author and photo, linked to the photo.
    const unresolved = await storedPosts(has(FINGERPRINT), 'the post without a permalink, by its fingerprint');
    expect(unresolved.find((p) => p.key === FINGERPRINT)).toMatchObject({
      url: 'https://www.facebook.com/photo/?fbid=2244668800224466',
      author: 'diego.ramos.31',
      latest: { likes: { precision: 'exact', value: 31 } },
    });
    const firstSeen = unresolved.find((p) => p.key === FINGERPRINT)!.firstSeenAt;

    // Hovering the time link makes Facebook fill in its address: the record moves to the real key.
    await page.evaluate(() => {
      document
        .querySelector('[aria-posinset="6"] a[href="#"]')!
        .setAttribute('href', '/diego.ramos.31/posts/4455667788990011?__cft__[0]=AZ');
    });
    const hovered = await storedPosts(
      (list) => has('facebook:4455667788990011')(list) && !has(FINGERPRINT)(list),
      'the post merged into its real key once its permalink appeared',
    );
    expect(hovered.find((p) => p.key === 'facebook:4455667788990011')).toMatchObject({
      url: 'https://www.facebook.com/diego.ramos.31/posts/4455667788990011',
      firstSeenAt: firstSeen,
      latest: { likes: { precision: 'exact', value: 31 } },
    });
    const moved = (await harness.storeContents<SnapshotRecord>('snapshots')).filter((s) =>
      [FINGERPRINT, 'facebook:4455667788990011'].includes(s.post),
    );
    expect(moved.map((s) => s.post)).toEqual(['facebook:4455667788990011']);

    await scrollFeed(page, [
      { story: '7788990011223344', likes: '77', comments: '8' },
      { story: '7788990011223355', likes: '3,4 mil', comments: '210' },
    ]);
    const after = await storedPosts(has('facebook:7788990011223355'), 'two more posts after scrolling');
    expect(after.find((p) => p.key === 'facebook:7788990011223344')?.latest).toMatchObject({
      likes: { precision: 'exact', value: 77 },
      replies: { precision: 'exact', value: 8 },
    });
    expect(after.find((p) => p.key === 'facebook:7788990011223355')?.latest.likes).toMatchObject({
      precision: 'rounded',
      value: 3400,
    });

    // Someone reacts: React updates the number's text node in place; the post gets a second snapshot.
    await page.evaluate(() => {
      const like = document
        .querySelector('[aria-posinset="1"] [data-ad-rendering-role="like_button"]')!
        .closest('[role="button"]')!;
      (like.querySelector('span[dir="auto"]')!.firstChild as Text).data = '20';
    });
    const snapshots = await waitFor(async () => {
      const all = await harness.storeContents<SnapshotRecord>('snapshots');
      const mine = all.filter((s) => s.post === 'facebook:pfbid02Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS');
      return mine.length === 2 ? mine : null;
    }, 'a second snapshot for the post whose reactions changed');
    expect(snapshots.map((s) => s.counts.likes)).toEqual([
      { precision: 'exact', value: 19 },
      { precision: 'exact', value: 20 },
    ]);
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads the older summary-row layout, and a post’s own page under the key the feed gave it', async () => {
    await harness.open('https://www.facebook.com/?sk=h_chr');
    const posts = await storedPosts(has('facebook:5566778899001133'), 'the English feed in IndexedDB');
    expect(posts.find((p) => p.key === 'facebook:1234567890123456')?.latest).toEqual({
      likes: { precision: 'estimated', value: 13, min: 13, max: 15 },
      replies: { precision: 'exact', value: 45 },
      reposts: { precision: 'exact', value: 3 },
    });

    await harness.open('https://www.facebook.com/permalink.php?story_fbid=1098765432109876&id=100012345678901');
    const updated = await storedPosts(
      (p) =>
        p.find((r) => r.key === 'facebook:1098765432109876')?.latest.replies?.precision === 'exact' &&
        (p.find((r) => r.key === 'facebook:1098765432109876')!.latest.replies as { value: number }).value === 346,
      'the post page’s newer comment count on the feed’s record',
    );
    expect(updated.filter((p) => p.key === 'facebook:1098765432109876')).toHaveLength(1);
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads the June 2026 feed: posts without a permalink by author and photo or text, counts with their precision', async () => {
    await harness.open('https://www.facebook.com/home.php');
    const key = (author: string, evidence: string) => `facebook:${fallbackKey(author, evidence)}`;
    const photo = key('lumenjournal', 'photo:1577665544332211');
    const posts = await storedPosts((list) => has(photo)(list), 'the 2026 feed’s photo post');
    expect(posts.find((p) => p.key === photo)).toMatchObject({
      url: 'https://www.facebook.com/photo/?fbid=1577665544332211',
      author: 'lumenjournal',
      text: 'The new issue is out: forty pages on the mountain villages of the north.',
      latest: {
        likes: { precision: 'rounded', value: 9100, min: 9050, max: 9150 },
        replies: { precision: 'exact', value: 602 },
        reposts: { precision: 'exact', value: 23 },
      },
    });
    const all = await storedPosts(
      (list) =>
        [
          key('maya.lindqvist', 'Ran my first half marathon this morning. Slow, happy, and very hungry.'),
          'facebook:pfbid02Lm4nQ7rS9tU1vW3xY5zA7bC9dE1fG3hJ5kL7mN9pQ1rS3t',
          key('trailcam.tv', 'video:1466554433221100'),
        ].every((k) => has(k)(list)),
      'the 2026 feed’s other posts',
    );
    expect(
      all.find((p) => p.key.endsWith('pfbid02Lm4nQ7rS9tU1vW3xY5zA7bC9dE1fG3hJ5kL7mN9pQ1rS3t'))?.latest.likes,
    ).toEqual({
      precision: 'rounded',
      value: 1234,
      min: 1234,
      max: 1250,
    });
    expect(harness.strayRequests).toEqual([]);
  });

  it('lists the 2026 feed’s posts in the popup with their ratios, and badges them without moving the page', async () => {
    const listed = await popupPosts(harness, 'https://www.facebook.com/home.php', 4);
    const photo = listed.find((p) => p.key === `facebook:${fallbackKey('lumenjournal', 'photo:1577665544332211')}`);
    // 23 shares and 602 comments per 9.1K reactions (9,050–9,150): ranges too narrow to show as ranges.
    expect(photo?.ratios).toMatchObject({ repostsPerLike: '0.25%', repliesPerLike: '6.6%' });

    const check = await checkBadges(harness, 'https://www.facebook.com/home.php', 'facebook');
    expect(check.badges).toHaveLength(4);
    expect(check.moved, 'boxes that moved').toEqual([]);
    expect(check.covered, 'controls no longer clickable').toEqual([]);
  });

  it('reads only the reel the Reels player’s address names, follows it as the user swipes, and badges it safely', async () => {
    const page = await harness.open('https://www.facebook.com/reel/1455667788990011');
    const first = await storedPosts(has('facebook:1455667788990011'), 'the active reel');
    expect(first.find((p) => p.key === 'facebook:1455667788990011')).toMatchObject({
      url: 'https://www.facebook.com/watch/?v=1455667788990011',
      author: 'lumenjournal',
      latest: { likes: { precision: 'rounded', value: 48_000 }, replies: { precision: 'exact', value: 1204 } },
    });
    // Swiping: the player changes the address in place (no reload) and plays the next reel.
    await page.evaluate(() => history.pushState({}, '', '/reel/1455667788990022/'));
    const next = await storedPosts(has('facebook:1455667788990022'), 'the next reel after the swipe');
    expect(next.find((p) => p.key === 'facebook:1455667788990022')?.latest.likes).toEqual({
      precision: 'exact',
      value: 402,
    });
    expect(next.some((p) => p.key === 'facebook:1455667788990000')).toBe(false); // the preloaded one before it
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

    const check = await checkBadges(harness, 'https://www.facebook.com/reel/1455667788990011', 'facebook');
    expect(check.keys).toEqual(['facebook:1455667788990011']);
    expect(check.moved, 'boxes that moved').toEqual([]);
    expect(check.covered, 'reel controls no longer clickable').toEqual([]);
  });

  it('hides the 2026 feed’s and the Reels player’s counts, reaction breakdown included, keeping every button', async () => {
    // Each post's action bar: the like, comment and share buttons and the reactions toolbar.
    const bar = '[data-visualcompletion="ignore-dynamic"]';
    const feed = await checkHidden(harness, 'https://www.facebook.com/home.php', 'facebook', bar);
    expect(feed).toEqual({ digits: [], unreachable: [] });
    const reel = await checkHidden(
      harness,
      'https://www.facebook.com/reel/1455667788990011',
      'facebook',
      '[data-video-id] [role="button"]:has([data-ad-rendering-role])',
    );
    expect(reel).toEqual({ digits: [], unreachable: [] });
  });

  it('hides the summary-row total and the reactions toolbar, keeping names and text', async () => {
    const page = await harness.open('https://www.facebook.com/?sk=h_chr');
    const state = await page.evaluate(
      (adapter) => {
        const style = document.createElement('style');
        style.textContent = [
          ...Object.values(adapter.hide)
            .flat()
            .map((s) => `${s} { visibility: hidden !important; }`),
          ...Object.values(adapter.collapse)
            .flat()
            .map((s) => `${s} { display: none !important; }`),
        ].join('\n');
        document.head.append(style);
        const styles = (sel: string) => Array.from(document.querySelectorAll(sel), (e) => getComputedStyle(e));
        return {
          totals: styles('[role="toolbar"] + [role="button"]').map((s) => s.display),
          icons: styles('[role="toolbar"] img').map((s) => s.visibility + '/' + s.display),
          kept: [...styles('[data-ad-rendering-role="profile_name"] a'), ...styles('[data-ad-preview="message"]')].map(
            (s) => s.visibility,
          ),
        };
      },
      { hide: facebook.hide, collapse: facebook.collapse ?? {} },
    );
    expect(state.totals).toHaveLength(5);
    expect(new Set(state.totals)).toEqual(new Set(['none']));
    // The toolbar (its icons open the per-reaction figures on hover) keeps its box, unseen.
    expect(new Set(state.icons)).toEqual(new Set(['hidden/inline']));
    expect(new Set(state.kept)).toEqual(new Set(['visible']));
  });
});
