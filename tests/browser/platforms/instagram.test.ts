import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { launch, waitFor, type Harness } from '../harness';
import { checkBadges, checkHidden, popupPosts } from './page-checks';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

const instagramPosts = async () =>
  (await harness.storeContents<PostRecord>('posts')).filter((p) => p.platform === 'instagram');
const post = (posts: PostRecord[], code: string) => posts.find((p) => p.key === `instagram:${code}`);

describe('Instagram in Chromium with the built extension', () => {
  it('stores the June 2026 feed: comments beside their icon, likes hidden or beside the heart', async () => {
    await harness.open('https://www.instagram.com/');
    const posts = await waitFor(async () => {
      const all = await instagramPosts();
      return ['DRk1aBcDeF1', 'DRk2bCdEfG2', 'DRk3cDeFgH3', 'DRk4dEfGhI4'].every((code) => post(all, code)) && all;
    }, 'the 2026 feed’s four posts in IndexedDB');
    expect(post(posts, 'DRk1aBcDeF1')).toMatchObject({
      url: 'https://www.instagram.com/p/DRk1aBcDeF1/',
      author: 'kudagcilik',
      postedAt: Date.parse('2026-06-14T18:03:52.000Z'),
      latest: { likes: { precision: 'hidden' }, replies: { precision: 'exact', value: 4 } },
    });
    expect(post(posts, 'DRk2bCdEfG2')?.latest).toEqual({
      likes: { precision: 'exact', value: 2345 },
      replies: { precision: 'exact', value: 56 },
    });
    expect(post(posts, 'DRk3cDeFgH3')?.latest.likes).toEqual({
      precision: 'rounded',
      value: 12_300,
      min: 12_250,
      max: 12_350,
    });
    expect(post(posts, 'DRk4dEfGhI4')?.promoted).toBe(true);
    expect(harness.strayRequests).toEqual([]);
  });

  it('lists the 2026 feed in the popup with its ratios, and badges it without moving the page', async () => {
    const listed = await popupPosts(harness, 'https://www.instagram.com/', 4);
    const byKey = (code: string) => listed.find((p) => p.key === `instagram:${code}`)?.ratios;
    expect(byKey('DRk2bCdEfG2')).toMatchObject({ repliesPerLike: '2.4%' }); // 56 / 2,345
    // Likes withheld: no ratio made up from them.
    expect(byKey('DRk1aBcDeF1')).toMatchObject({ repliesPerLike: '—' });
    const check = await checkBadges(harness, 'https://www.instagram.com/', 'instagram');
    expect(check.badges).toHaveLength(4);
    expect(check.moved, 'boxes that moved').toEqual([]);
    expect(check.covered, 'controls no longer clickable').toEqual([]);
  });

  it('reads only the reel the Reels player’s address names, and the next one after a swipe', async () => {
    const page = await harness.open('https://www.instagram.com/reels/DRe2Lm4Abc1/');
    const first = await waitFor(async () => post(await instagramPosts(), 'DRe2Lm4Abc1'), 'the active reel');
    expect(first).toMatchObject({
      author: 'ana.rides',
      latest: { likes: { precision: 'rounded', value: 48_200 }, replies: { precision: 'exact', value: 1204 } },
    });
    await page.evaluate(() => history.pushState({}, '', '/reels/DRe3Mn5Def2/'));
    const next = await waitFor(async () => post(await instagramPosts(), 'DRe3Mn5Def2'), 'the next reel');
    expect(next?.latest.likes).toEqual({ precision: 'exact', value: 960 });
    expect(post(await instagramPosts(), 'DRe1Kl3Zyx0')).toBeUndefined(); // the preloaded one before it
    const check = await checkBadges(harness, 'https://www.instagram.com/reels/DRe2Lm4Abc1/', 'instagram');
    expect(check.keys).toEqual(['instagram:DRe2Lm4Abc1']);
    expect(check.moved, 'boxes that moved').toEqual([]);
    expect(check.covered, 'reel controls no longer clickable').toEqual([]);
  });

  it('hides the 2026 feed’s and the Reels player’s counts beside the icons, keeping every button', async () => {
    // The action bar and the likes line under it.
    for (const url of ['https://www.instagram.com/', 'https://www.instagram.com/reels/DRe2Lm4Abc1/']) {
      expect(await checkHidden(harness, url, 'instagram', 'article section'), url).toEqual({
        digits: [],
        unreachable: [],
      });
    }
  });

  it('stores the likes-line layout with exact, hidden and estimated likes, and follows it as it scrolls', async () => {
    const page = await harness.open('https://www.instagram.com/?hl=en');
    const posts = await waitFor(async () => {
      const all = await instagramPosts();
      const codes = ['C1aBcDeFgHi', 'C2bCdEfGhIj', 'C3cDeFgHiJk', 'C4dEfGhIjKl', 'C5eFgHiJkLm', 'C6fGhIjKlMn'];
      return codes.every((code) => post(all, code)) ? all : undefined;
    }, 'the six feed posts in IndexedDB');
    expect(post(posts, 'C1aBcDeFgHi')).toMatchObject({
      url: 'https://www.instagram.com/p/C1aBcDeFgHi/',
      author: 'ana.rides',
      postedAt: Date.parse('2024-11-20T18:04:00.000Z'),
      text: 'Sunrise ride over the ridge 🚴 #gravel',
      latest: { likes: { precision: 'exact', value: 1234 }, replies: { precision: 'exact', value: 56 } },
    });
    expect(post(posts, 'C2bCdEfGhIj')?.latest.likes).toEqual({ precision: 'hidden' });
    expect(post(posts, 'C3cDeFgHiJk')?.latest.likes).toEqual({
      precision: 'estimated',
      value: 1234,
      min: 1234,
      max: 1235,
    });
    expect(post(posts, 'C4dEfGhIjKl')?.promoted).toBe(true);
    expect(post(posts, 'C5eFgHiJkLm')?.latest).toEqual({}); // "Be the first to like this": nothing, not 0

    // Scrolling: Instagram appends the next post; the user likes the first one.
    await page.evaluate(() => {
      const template = document.querySelector('article')!;
      const next = template.cloneNode(true) as Element;
      for (const a of next.querySelectorAll('a[href*="/p/C1aBcDeFgHi/"]')) {
        a.setAttribute('href', a.getAttribute('href')!.replace('C1aBcDeFgHi', 'C7zYxWvUtSr'));
      }
      next.querySelector('time')!.setAttribute('datetime', '2024-11-17T10:00:00.000Z');
      next.querySelector('.html-span')!.textContent = '3,210';
      template.parentElement!.append(next);
      window.scrollBy(0, 3000);
      setTimeout(() => {
        template.querySelector('a[href$="/liked_by/"] .html-span')!.textContent = '1,235';
      }, 100);
    });
    const appended = await waitFor(async () => post(await instagramPosts(), 'C7zYxWvUtSr'), 'the appended post');
    expect(appended).toMatchObject({
      postedAt: Date.parse('2024-11-17T10:00:00.000Z'),
      latest: { likes: { precision: 'exact', value: 3210 } },
    });
    const snapshots = await waitFor(async () => {
      const mine = (await harness.storeContents<SnapshotRecord>('snapshots')).filter(
        (s) => s.post === 'instagram:C1aBcDeFgHi',
      );
      return mine.length === 2 ? mine : undefined;
    }, 'a second snapshot after the like');
    expect(snapshots.map((s) => s.counts.likes)).toEqual([
      { precision: 'exact', value: 1234 },
      { precision: 'exact', value: 1235 },
    ]);
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads a post page in Portuguese and the plays on a profile’s reel tiles', async () => {
    await harness.open('https://www.instagram.com/p/C9xYz12AbCd/');
    await harness.open('https://www.instagram.com/ana.rides/reels/');
    const posts = await waitFor(async () => {
      const all = await instagramPosts();
      return ['C9xYz12AbCd', 'C7gHiJkLmNo', 'C8hIjKlMnOp', 'C9iJkLmNoPq'].every((code) => post(all, code))
        ? all
        : undefined;
    }, 'the post page and the reel tiles');
    expect(post(posts, 'C9xYz12AbCd')).toMatchObject({
      author: 'marina.faz',
      postedAt: Date.parse('2024-11-10T15:00:00.000Z'),
      latest: { likes: { precision: 'exact', value: 1234 } },
    });
    expect(post(posts, 'C8hIjKlMnOp')).toMatchObject({
      author: 'ana.rides',
      latest: { views: { precision: 'exact', value: 987 } },
    });
    expect(post(posts, 'C9iJkLmNoPq')?.latest.views).toMatchObject({ precision: 'rounded', value: 1_200_000 });
    expect(harness.strayRequests).toEqual([]);
  });
});
