/**
 * The feeds the reader bench scrolls: generated posts mounted a few per animation frame, the oldest
 * unmounted beyond a few dozen cells, as X's virtualized timeline does while scrolling. X's posts
 * are cloned from the X fixture's first post; YouTube's and Reddit's from their fixtures' first
 * card (heavier DOMs: Reddit's posts carry declarative shadow roots, parsed again for every post).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES_DIR } from '../fixture-pages';

export const FEED_POSTS = Number(process.env.FEEDLENS_BENCH_POSTS ?? 500);
export const PER_FRAME = 5;
export const CELLS_KEPT = 40;

export interface Feed {
  site: 'x' | 'youtube' | 'reddit';
  /** The page's address on the site, and its path on the origin no content script matches. */
  url: string;
  fixture: string;
  /** For the string-built feeds: the first post's markup, its id, and one count to vary. */
  cell?: { html: string; id: string; count: string };
}

function firstBlock(file: string, open: string, close: string): string {
  // Without its comments: a fixture's header may name the markup it holds ("<article> > <shreddit-post>").
  const html = readFileSync(join(FIXTURES_DIR, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const start = html.indexOf(open);
  const end = html.indexOf(close, start);
  if (start < 0 || end < 0) throw new Error(`no ${open} in ${file}`);
  return html.slice(start, end + close.length);
}

export const FEEDS: Feed[] = [
  { site: 'x', url: 'https://x.com/home', fixture: 'x-home-timeline.html' },
  {
    site: 'youtube',
    url: 'https://www.youtube.com/',
    fixture: 'youtube-home-en.html',
    cell: {
      html: firstBlock('youtube-home-en.html', '<ytd-rich-item-renderer', '</ytd-rich-item-renderer>'),
      id: 'Ab1cD2eF3gH',
      count: '18,432',
    },
  },
  {
    site: 'reddit',
    url: 'https://www.reddit.com/',
    fixture: 'reddit-home-feed.html',
    cell: { html: firstBlock('reddit-home-feed.html', '<article', '</article>'), id: '1u50qw7', count: '1234' },
  },
];

/** Mounts the feed's posts into the page (main world), then lets pending reads and sends run. */
export async function loadFeed(page: Page, feed: Feed): Promise<void> {
  const args = { total: FEED_POSTS, perFrame: PER_FRAME, kept: CELLS_KEPT, cell: feed.cell ?? null };
  if (!feed.cell) await page.evaluate(loadXFeed, args);
  else await page.evaluate(loadMarkupFeed, args);
}

interface FeedArgs {
  total: number;
  perFrame: number;
  kept: number;
  cell: Feed['cell'] | null;
}

async function loadXFeed({ total, perFrame, kept }: FeedArgs): Promise<void> {
  const template = document.querySelector('[data-testid="cellInnerDiv"]')!;
  const list = template.parentElement!;
  // A copy: `children` is live, and shrinks as cells are removed.
  for (const cell of Array.from(list.children)) cell.remove();
  for (let i = 0; i < total; i += perFrame) {
    for (let j = i; j < Math.min(total, i + perFrame); j++) {
      const cell = template.cloneNode(true) as Element;
      const id = `1870000000000${String(j).padStart(6, '0')}`;
      const likes = 100 + j;
      // No helper function here: the page cannot see the bundler's name-keeping shim.
      const attributes: [string, string, string][] = [
        ['a[href$="/analytics"]', 'href', `/user${j % 97}/status/${id}/analytics`],
        [
          '[role="group"]',
          'aria-label',
          `${j % 13} replies, ${j % 29} reposts, ${likes} likes, ${j % 7} bookmarks, ${likes * 37} views`,
        ],
        ['[data-testid="reply"]', 'aria-label', `${j % 13} Replies. Reply`],
        ['[data-testid="retweet"]', 'aria-label', `${j % 29} reposts. Repost`],
        ['[data-testid="like"]', 'aria-label', `${likes} Likes. Like`],
        ['a[href$="/analytics"]', 'aria-label', `${likes * 37} views. View post analytics`],
      ];
      cell.querySelector('time')!.parentElement!.setAttribute('href', `/user${j % 97}/status/${id}`);
      for (const [selector, name, value] of attributes) cell.querySelector(selector)!.setAttribute(name, value);
      cell.querySelector('[data-testid="tweetText"]')!.textContent =
        `Post number ${j}: the feed keeps going as you scroll.`;
      list.append(cell);
      if (list.children.length > kept) list.firstElementChild!.remove();
    }
    await new Promise((r) => requestAnimationFrame(r));
  }
  // Until the extensions' work on the last posts is done: three idle periods in a row with the
  // full 50 ms free (a fixed pause would be too short on a loaded machine, and wasted on an idle one).
  const giveUp = performance.now() + 60_000;
  for (let quiet = 0; quiet < 3;) {
    if (performance.now() > giveUp) throw new Error('the page never went idle for 150 ms within a minute');
    quiet = (await new Promise<IdleDeadline>((r) => requestIdleCallback(r))).timeRemaining() >= 49 ? quiet + 1 : 0;
  }
}

async function loadMarkupFeed({ total, perFrame, kept, cell }: FeedArgs): Promise<void> {
  const { html, id, count } = cell!;
  const tag = /^<([\w-]+)/.exec(html)![1]!;
  const first = document.querySelector(tag)!;
  const list = first.parentElement!;
  for (const child of Array.from(list.children)) child.remove();
  const parser = document.createElement('div');
  for (let i = 0; i < total; i += perFrame) {
    for (let j = i; j < Math.min(total, i + perFrame); j++) {
      // Same length as the fixture's id, unique per post.
      const postId = (id.slice(0, 1) + String(j).padStart(id.length - 1, '0')).slice(0, id.length);
      const markup = html.replaceAll(id, postId).replaceAll(count, String(1000 + j * 7));
      // setHTMLUnsafe: declarative shadow roots (Reddit's) are attached as the parser would.
      (parser as unknown as { setHTMLUnsafe(h: string): void }).setHTMLUnsafe(markup);
      list.append(parser.firstElementChild!);
      if (list.children.length > kept) list.firstElementChild!.remove();
    }
    await new Promise((r) => requestAnimationFrame(r));
  }
  // Until the extensions' work on the last posts is done: three idle periods in a row with the
  // full 50 ms free (a fixed pause would be too short on a loaded machine, and wasted on an idle one).
  const giveUp = performance.now() + 60_000;
  for (let quiet = 0; quiet < 3;) {
    if (performance.now() > giveUp) throw new Error('the page never went idle for 150 ms within a minute');
    quiet = (await new Promise<IdleDeadline>((r) => requestIdleCallback(r))).timeRemaining() >= 49 ? quiet + 1 : 0;
  }
}
