/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import homeTimeline from '../platforms/fixtures/x-home-timeline.html?raw';
import { x } from '../platforms/x';
import { createPageReader, type PageReader } from './runner';

const NOW = Date.parse('2026-11-22T12:00:00Z');

/** A reader whose frames and send timers run only when the test says so. */
function harness(options: { shouldStore?: () => boolean } = {}) {
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const sent: PostReading[][] = [];
  const health: string[] = [];
  const reader = createPageReader({
    adapter: x,
    document,
    send: (readings) => sent.push(readings),
    onHealth: (status) => health.push(status),
    now: () => NOW,
    requestFrame: (cb) => frames.push(cb),
    setTimer: (cb) => timers.push(cb),
    ...options,
  });
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0)); // mutation records are delivered as microtasks
    while (frames.length) frames.shift()!();
    while (timers.length) timers.shift()!();
  };
  return { reader, sent, health, settle, frames };
}

function loadTimeline(): void {
  const doc = new DOMParser().parseFromString(homeTimeline, 'text/html');
  document.documentElement.setAttribute('lang', 'en');
  document.body.innerHTML = doc.body.innerHTML;
}

let reader: PageReader | undefined;
beforeEach(() => {
  loadTimeline();
});
afterEach(() => reader?.stop());

describe('page reader', () => {
  it('reads every post on the page once and sends them in one message', async () => {
    const h = harness();
    reader = h.reader;
    reader.start();
    await h.settle();
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.map((r) => r.postId)).toHaveLength(6);
    expect(h.sent[0]!.every((r) => r.readAt === NOW)).toBe(true);
    expect(h.health).toEqual(['reading']);
  });

  it('sends nothing when the page re-renders a post with the same counts', async () => {
    const h = harness();
    reader = h.reader;
    reader.start();
    await h.settle();
    const bar = document.querySelector('[role="group"]')!;
    bar.setAttribute('aria-label', bar.getAttribute('aria-label')!); // same value, still a mutation
    await h.settle();
    expect(h.sent).toHaveLength(1);
  });

  it('reads a remounted post again only when its permalink or action-bar label changed', async () => {
    const read: string[] = [];
    const seen: string[] = [];
    const frames: (() => void)[] = [];
    reader = createPageReader({
      // What the reader hands the adapter to read in full.
      adapter: {
        ...x,
        scanPosts: (posts, env) => {
          const scan = x.scanPosts(posts, env);
          read.push(...scan.readings.map((r) => r.postId));
          return scan;
        },
      },
      document,
      send: () => {},
      now: () => NOW,
      requestFrame: (cb) => frames.push(cb),
      setTimer: () => {},
      onPostRead: (_element, draft) => seen.push(draft.postId),
    });
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      while (frames.length) frames.shift()!();
    };
    reader.start();
    await settle();
    expect(read).toHaveLength(6);
    read.length = seen.length = 0;

    // X's virtual list unmounts a cell and mounts a copy of it: no read, the same reading again.
    const second = document.querySelectorAll('article')[1]!;
    const copy = second.cloneNode(true) as Element;
    second.replaceWith(copy);
    await settle();
    expect(read).toEqual([]);
    expect(seen).toEqual(['1858990000000000002']);

    // A new count rewrites the label: read in full.
    copy.querySelector('[role="group"]')!.setAttribute('aria-label', '3 replies, 5 reposts, 49 likes, 1200 views');
    await settle();
    expect(read).toEqual(['1858990000000000002']);
  });

  it('sends only the post whose count changed', async () => {
    const h = harness();
    reader = h.reader;
    reader.start();
    await h.settle();
    const article = document.querySelectorAll('article')[1]!;
    article.querySelector('[role="group"]')!.setAttribute('aria-label', '3 replies, 5 reposts, 49 likes, 1200 views');
    article.querySelector('[data-testid="unlike"]')!.setAttribute('aria-label', '49 Likes. Liked');
    await h.settle();
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1]).toHaveLength(1);
    expect(h.sent[1]![0]).toMatchObject({ postId: '1858990000000000002', counts: { likes: { value: 49 } } });
  });

  it('counts a change as unsent until its reading is handed over, through the frame and the send delay', async () => {
    const h = harness();
    reader = h.reader;
    reader.start();
    await h.settle();
    expect(h.reader.stats().unsent).toBe(0);
    const article = document.querySelectorAll('article')[1]!;
    article.querySelector('[role="group"]')!.setAttribute('aria-label', '3 replies, 5 reposts, 49 likes, 1200 views');
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Seen, not read yet (a background tab's next frame can be a second away).
    expect(h.reader.stats().unsent).toBeGreaterThan(0);
    h.frames.shift()!();
    // Read, kept back for the send delay: still nothing handed to delivery.
    expect(h.sent).toHaveLength(1);
    expect(h.reader.stats().unsent).toBe(1);
    h.reader.flushSend();
    expect(h.sent).toHaveLength(2);
    expect(h.reader.stats().unsent).toBe(0);
  });

  it('notices a counter whose text node was replaced rather than edited', async () => {
    const h = harness();
    reader = h.reader;
    reader.start();
    await h.settle();
    // Only the visible text changes (no label): the reply's views become 9 as a new text node.
    const article = document.querySelectorAll('article')[4]!;
    const views = article.querySelector('a[href$="/analytics"]')!;
    views.removeAttribute('aria-label');
    article.querySelector('[role="group"]')!.removeAttribute('aria-label');
    await h.settle();
    const sentBefore = h.sent.length;
    views
      .querySelector('[data-testid="app-text-transition-container"] span span')!
      .replaceChildren(document.createTextNode('9'));
    await h.settle();
    expect(h.sent.length).toBe(sentBefore + 1);
    expect(h.sent.at(-1)?.[0]).toMatchObject({ postId: '1859000000000000005', counts: { views: { value: 9 } } });
  });

  it('reads posts added while scrolling, and a recycled article as its new post', async () => {
    const h = harness();
    reader = h.reader;
    reader.start();
    await h.settle();
    // Infinite scroll appends a cell; X also reuses an old article for another post.
    const cells = document.querySelectorAll('[data-testid="cellInnerDiv"]');
    const appended = cells[0]!.cloneNode(true) as Element;
    appended.querySelector('time')!.parentElement!.setAttribute('href', '/ada/status/1860000000000000099');
    cells[0]!.parentElement!.append(appended);
    const recycled = document.querySelectorAll('article')[2]!;
    recycled.innerHTML = document
      .querySelectorAll('article')[4]!
      .innerHTML.replaceAll('1859000000000000005', '1860000000000000077');
    await h.settle();
    expect(h.sent[1]!.map((r) => r.postId).sort()).toEqual(['1860000000000000077', '1860000000000000099']);
    expect(h.reader.stats().posts).toBe(8);
  });

  it('lists the page’s posts for the popup, newest first, and starts afresh after navigation', async () => {
    const h = harness();
    reader = h.reader;
    reader.start();
    await h.settle();
    expect(reader.pagePosts()).toHaveLength(6);
    expect(reader.pagePosts()[0]).toBe('x:1858800000000000006');
    document.body.innerHTML = '<main></main>';
    reader.navigated();
    await h.settle();
    expect(reader.pagePosts()).toEqual([]);
  });

  it('keeps listing but stops sending when the user paused storing', async () => {
    const h = harness({ shouldStore: () => false });
    reader = h.reader;
    reader.start();
    await h.settle();
    expect(h.sent).toEqual([]);
    expect(reader.pagePosts()).toHaveLength(6);
  });

  it('pauses, and stores nothing, when posts are found but the layout is not recognized, until posts read again', async () => {
    // A site redesign: the same post elements, but no permalink anywhere.
    for (const link of document.querySelectorAll('a[href*="/status/"]')) link.removeAttribute('href');
    const h = harness();
    reader = h.reader;
    reader.start();
    await h.settle();
    expect(h.sent).toEqual([]);
    expect(h.health).toEqual(['paused']);
    expect(reader.diagnostic()).toMatchObject({
      selector: 'id: a[href*="/status/"]',
      locale: 'en',
      candidates: 6,
      readings: 0,
    });
    // Nothing more is stored while the layout stays unrecognized…
    for (const text of document.querySelectorAll('[data-testid="tweetText"]')) text.append(' (edited)');
    await h.settle();
    expect(h.sent).toEqual([]);
    // …and reading resumes by itself once posts are read again (a later render), the whole page.
    loadTimeline();
    await h.settle();
    expect(h.health).toEqual(['paused', 'reading']);
    expect(h.sent.flat().map((r) => r.postId)).toHaveLength(6);
    expect(reader.diagnostic()).toBeUndefined();
  });

  it('pauses when counts stop parsing, instead of storing unknowns as if they were readings', async () => {
    for (const article of document.querySelectorAll('article')) {
      article.querySelector('[role="group"]')!.setAttribute('aria-label', '1e3 replies, 1e4 likes, 2e6 views');
      for (const control of article.querySelectorAll('[role="group"] [aria-label]'))
        control.setAttribute('aria-label', '∞ ∞');
      for (const text of article.querySelectorAll('[data-testid="app-text-transition-container"]'))
        text.textContent = '1.2.3';
    }
    const h = harness();
    reader = h.reader;
    reader.start();
    await h.settle();
    expect(h.health).toEqual(['paused']);
    expect(h.sent).toEqual([]);
  });
});
