import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threads } from '../../../lib/platforms/threads';
import type { PostRecord, SnapshotRecord } from '../../../lib/storage/db';
import { launch, waitFor, type Harness } from '../harness';

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
});
afterAll(async () => harness?.close());

/** What Threads is assumed to do while the user scrolls: append the next post containers. */
function scrollFeed(page: import('playwright-core').Page, round: number) {
  return page.evaluate((n) => {
    const template = document.querySelector('[data-pressable-container="true"]')!;
    for (let i = 0; i < 2; i++) {
      const post = template.cloneNode(true) as Element;
      const code = `DKscroll${n}${i}xx`;
      post.querySelector('a[href*="/post/"]')!.setAttribute('href', `/@mira.codes/post/${code}`);
      post.querySelector('[role="button"]:has(svg[aria-label="Like"]) span span')!.textContent = String(10 * n + i);
      template.parentElement!.append(post);
    }
    window.scrollBy(0, 2000);
  }, round);
}

describe('Threads in Chromium with the built extension', () => {
  it('reads the home feed, a count changing, and posts appended by scrolling', async () => {
    const page = await harness.open('https://www.threads.com/');
    const first = await harness.storedPost('threads:DJx7Qa2sMpT');
    expect(first).toMatchObject({
      url: 'https://www.threads.com/@mira.codes/post/DJx7Qa2sMpT',
      author: 'mira.codes',
      postedAt: Date.parse('2025-05-10T14:03:00.000Z'),
      latest: {
        likes: { precision: 'rounded', value: 1200, min: 1150, max: 1250 },
        replies: { precision: 'exact', value: 87 },
        reposts: { precision: 'exact', value: 34 },
      },
    });
    // Likes hidden by the author: unknown, not 0.
    expect((await harness.storedPost('threads:DJw2RsT4uVw')).latest.likes).toBeUndefined();
    const posts = await harness.storeContents<PostRecord>('posts');
    expect(posts.filter((p) => p.platform === 'threads')).toHaveLength(5); // the quoted post is not one

    // A reply comes in: the number beside the reply icon changes (React rewrites the text node).
    await page.evaluate(() => {
      document.querySelector('[role="button"]:has(svg[aria-label="Reply"]) span span')!.firstChild!.nodeValue = '88';
    });
    const snapshots = await waitFor(async () => {
      const all = await harness.storeContents<SnapshotRecord>('snapshots');
      const mine = all.filter((s) => s.post === 'threads:DJx7Qa2sMpT');
      return mine.length === 2 ? mine : null;
    }, 'a second snapshot after the new reply');
    expect(snapshots.map((s) => s.counts.replies)).toEqual([
      { precision: 'exact', value: 87 },
      { precision: 'exact', value: 88 },
    ]);

    await scrollFeed(page, 1);
    await scrollFeed(page, 2);
    expect((await harness.storedPost('threads:DKscroll21xx')).latest.likes).toEqual({ precision: 'exact', value: 21 });
    expect(harness.strayRequests).toEqual([]);
  });

  it('reads a post page on threads.net under its threads.com address', async () => {
    await harness.open('https://www.threads.net/@lena.liest/post/DAbCdEfGhIj');
    const post = await harness.storedPost('threads:DAbCdEfGhIj');
    expect(post).toMatchObject({
      url: 'https://www.threads.com/@lena.liest/post/DAbCdEfGhIj',
      latest: { likes: { precision: 'rounded', min: 2350, max: 2450 }, replies: { value: 312 } },
    });
    expect(harness.strayRequests).toEqual([]);
  });

  it('hides the numbers beside the icons, in any UI language, and nothing else', async () => {
    const pages = [
      ['https://www.threads.com/', false],
      ['https://www.threads.net/@lena.liest/post/DAbCdEfGhIj', false],
      // A bar that is not the assumed row of four (here: a fifth child): the English names still work.
      ['https://www.threads.com/', true],
    ] as const;
    for (const [url, oddBar] of pages) {
      const page = await harness.open(url);
      const selectors = Object.values(threads.hide).flat();
      const state = await page.evaluate(
        ([list, odd]) => {
          if (odd) {
            for (const share of document.querySelectorAll('[role="button"]:has(svg[aria-label="Share"])')) {
              share.parentElement!.parentElement!.append(document.createElement('div'));
            }
          }
          const twice = Array.from(document.querySelectorAll('*')).filter(
            (e) => list.filter((s) => e.matches(s)).length > 1,
          ).length;
          const unsupported = list.filter((s) => !CSS.supports(`selector(${s})`));
          const style = document.createElement('style');
          style.textContent = list.map((s) => `${s} { visibility: hidden !important; }`).join('\n');
          document.head.append(style);
          const visibility = (s: string) =>
            Array.from(document.querySelectorAll(s), (e) => getComputedStyle(e).visibility);
          // Each post's like, reply and repost numbers (the first three buttons of the bar).
          const numbers = Array.from(document.querySelectorAll('[data-pressable-container="true"]'))
            .flatMap((post) => Array.from(post.querySelectorAll('[role="button"]:has(svg)')).slice(-4, -1))
            .flatMap((button) => Array.from(button.querySelectorAll('span span')));
          return {
            unsupported,
            twice,
            numbers: numbers.map((e) => getComputedStyle(e).visibility),
            kept: [
              ...visibility('[role="button"] svg'),
              ...visibility('a[href^="/@"] span'),
              ...visibility('time'),
              ...visibility('span[dir="auto"]'),
            ],
          };
        },
        [selectors, oddBar] as const,
      );
      expect(state.unsupported).toEqual([]);
      expect(state.twice, 'no number is targeted by two selectors').toBe(0);
      expect(state.numbers.length).toBeGreaterThan(5);
      expect(new Set(state.numbers), url).toEqual(new Set(['hidden']));
      expect(new Set(state.kept), url).toEqual(new Set(['visible']));
    }
  });
});
