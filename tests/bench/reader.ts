/**
 * What reading costs the page: a generated X feed of 1,000 posts arrives the way X's timeline
 * loads while scrolling, in Chromium with the extension and without it.
 */
import type { Page } from 'playwright-core';
import type { ReaderStats } from '../../lib/messages/page-queries';
import { defaultSettings } from '../../lib/settings/settings';
import { fixturePage } from '../fixture-pages';
import { launch, waitFor, type Harness } from '../browser/harness';

export const FEED_POSTS = 1000;
/** An address that no content script of Feedlens matches (the baseline runs there). */
const UNMATCHED_ORIGIN = 'https://bench.feedlens.invalid';
/**
 * Posts mounted per animation frame, and cells kept: X's timeline is virtualized, mounting a few
 * cells per frame as the user scrolls and unmounting those far above. At this pace the page's own
 * frames stay under the 50 ms long-task limit (about 20 ms here), so a long task with Feedlens
 * loaded is one Feedlens caused. (Mounting 20 posts per frame into an ever-growing list made most
 * of the page's own frames long tasks, which left nothing to attribute.)
 */
export const PER_FRAME = 5;
export const CELLS_KEPT = 40;

export interface ReaderResult {
  /** Median per-post ms of the bare loop (find each post, read its aria-label). */
  floorPerPost: number;
  /** The reader's own main-thread time per post (its observer callbacks, reads, diffs, sends). */
  readerPerPost: number;
  /** Extra main-thread time per post with the extension (CDP TaskDuration, with − without). */
  mainThreadPerPost: number;
  postsStored: number;
  longTasksWith: number;
  longTasksWithout: number;
  /** The in-feed overlay's own main-thread time per post (its frames and stats replies, timed inside it). */
  overlayPerPost: number;
  /** The reader's time per post with the overlay off (the overlay's bookkeeping runs in the reader's frame). */
  readerPerPostNoOverlay: number;
  /** Extra main-thread time per post, overlay on vs off (CDP TaskDuration: with the badges' style and layout). */
  overlayMainThreadPerPost: number;
  /** The page's JS heap after the feed loaded (after a full GC), with Feedlens and without, in bytes. */
  heapWith: number;
  heapWithout: number;
  /** Badges on the page at the end of a run with the overlay on. */
  badges: number;
  /**
   * Chrome's `runtime.sendMessage` alone, per reading of the reader's size and shape, from an
   * extension page to the background: the trip every new post must make to be stored.
   */
  sendPerReading: number;
}

/**
 * Mounts FEED_POSTS posts built from the fixture's first post, PER_FRAME per frame, unmounting the
 * oldest beyond CELLS_KEPT, as X's timeline does.
 */
async function loadFeed(page: Page): Promise<void> {
  await page.evaluate(
    async ({ total, perFrame, kept }) => {
      const template = document.querySelector('[data-testid="cellInnerDiv"]')!;
      const list = template.parentElement!;
      // A copy: `children` is live, and shrinks as cells are removed.
      for (const cell of Array.from(list.children)) cell.remove();
      for (let i = 0; i < total; i += perFrame) {
        for (let j = i; j < Math.min(total, i + perFrame); j++) {
          const cell = template.cloneNode(true) as Element;
          const id = `1870000000000${String(j).padStart(6, '0')}`;
          const likes = 100 + j;
          cell.querySelector('time')!.parentElement!.setAttribute('href', `/user${j % 97}/status/${id}`);
          cell.querySelector('a[href$="/analytics"]')!.setAttribute('href', `/user${j % 97}/status/${id}/analytics`);
          cell
            .querySelector('[role="group"]')!
            .setAttribute(
              'aria-label',
              `${j % 13} replies, ${j % 29} reposts, ${likes} likes, ${j % 7} bookmarks, ${likes * 37} views`,
            );
          cell.querySelector('[data-testid="reply"]')!.setAttribute('aria-label', `${j % 13} Replies. Reply`);
          cell.querySelector('[data-testid="retweet"]')!.setAttribute('aria-label', `${j % 29} reposts. Repost`);
          cell.querySelector('[data-testid="like"]')!.setAttribute('aria-label', `${likes} Likes. Like`);
          cell
            .querySelector('a[href$="/analytics"]')!
            .setAttribute('aria-label', `${likes * 37} views. View post analytics`);
          cell.querySelector('[data-testid="tweetText"]')!.textContent =
            `Post number ${j}: the feed keeps going as you scroll.`;
          list.append(cell);
          if (list.children.length > kept) list.firstElementChild!.remove();
        }
        await new Promise((r) => requestAnimationFrame(r));
      }
      // Let pending reads and the send timer run.
      await new Promise((r) => setTimeout(r, 600));
    },
    { total: FEED_POSTS, perFrame: PER_FRAME, kept: CELLS_KEPT },
  );
}

async function taskDuration(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const before = await read();
  return async () => (await read()) - before;
}

const LONG_TASKS_INIT = () => {
  const w = window as unknown as { __longTasks: number };
  w.__longTasks = 0;
  new PerformanceObserver((list) => {
    w.__longTasks += list.getEntries().length;
  }).observe({ type: 'longtask' });
};
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);

/**
 * The page's JavaScript heap after a full garbage collection, in bytes. Content scripts run in an
 * isolated world of the page's own V8 isolate, so their memory is counted here too.
 */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

async function run(page: Page): Promise<{ ms: number; longTasks: number; heap: number }> {
  const since = await taskDuration(page);
  await page.evaluate(() => ((window as unknown as { __longTasks: number }).__longTasks = 0));
  await loadFeed(page);
  const ms = await since();
  return { ms, longTasks: await longTasks(page), heap: await heapAfterGc(page) };
}

/**
 * The floor: find every post and read its action bar's aria-label, nothing else. Timed over 100
 * passes at a time: one pass over the few dozen mounted posts is below the page clock's resolution.
 */
async function floorPerPost(page: Page): Promise<number> {
  return page.evaluate(() => {
    const times: number[] = [];
    let sink = 0;
    for (let rep = 0; rep < 15; rep++) {
      const started = performance.now();
      let read = 0;
      for (let pass = 0; pass < 100; pass++) {
        const posts = document.querySelectorAll('article[data-testid="tweet"]');
        for (const post of posts) sink += post.querySelector('[role="group"]')?.getAttribute('aria-label')?.length ?? 0;
        read += posts.length;
      }
      times.push((performance.now() - started) / read);
    }
    if (sink < 0) throw new Error('unreachable');
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchReader(rounds = 3): Promise<ReaderResult> {
  const page = fixturePage('x-home-timeline.html');
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  const readerMs: number[] = [];
  const overlayMs: number[] = [];
  const noOverlayMs: number[] = [];
  const noOverlayReaderMs: number[] = [];
  const heapsWith: number[] = [];
  const heapsWithout: number[] = [];
  let badges = 0;
  const floors: number[] = [];
  const sends: number[] = [];
  let longWith = 0;
  let longWithout = 0;
  let stored = 0;

  for (let round = 0; round < rounds; round++) {
    // Without Feedlens's content script: the same browser with the extension loaded, the same page
    // served at an address no content script matches. The page's own cost, and the floor.
    const plain: Harness = await launch();
    await plain.context.route(`${UNMATCHED_ORIGIN}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: page.html }),
    );
    await plain.context.addInitScript(LONG_TASKS_INIT);
    const plainPage = await plain.context.newPage();
    await plainPage.goto(`${UNMATCHED_ORIGIN}/home`);
    const without = await run(plainPage);
    withoutMs.push(without.ms);
    heapsWithout.push(without.heap);
    longWithout += without.longTasks;
    floors.push(await floorPerPost(plainPage));
    await plain.close();

    // With the extension (overlay on, as by default), then with the overlay switched off.
    for (const overlay of [true, false]) {
      const harness: Harness = await launch();
      if (!overlay) await switchOverlayOff(harness);
      await harness.context.addInitScript(LONG_TASKS_INIT);
      const { page: extPage, tabId } = await harness.openTab(page.url);
      await waitFor(async () => (await harness.storeContents('posts')).length >= 6, 'the fixture posts to be stored');
      const before = await readerStats(harness, tabId);
      const withExtension = await run(extPage);
      const after = await readerStats(harness, tabId);
      if (overlay) {
        withMs.push(withExtension.ms);
        heapsWith.push(withExtension.heap);
        longWith += withExtension.longTasks;
        readerMs.push(after.busyMs - before.busyMs);
        overlayMs.push((after.overlay?.busyMs ?? 0) - (before.overlay?.busyMs ?? 0));
        badges = await extPage.evaluate(() => document.querySelectorAll('feedlens-badge').length);
        stored = (await harness.storeContents('posts')).length;
        sends.push(await sendPerReading(harness));
      } else {
        noOverlayMs.push(withExtension.ms);
        noOverlayReaderMs.push(after.busyMs - before.busyMs);
      }
      await harness.close();
    }
  }

  return {
    floorPerPost: median(floors),
    readerPerPost: median(readerMs) / FEED_POSTS,
    mainThreadPerPost: Math.max(0, median(withMs) - median(withoutMs)) / FEED_POSTS,
    postsStored: stored,
    longTasksWith: longWith,
    longTasksWithout: longWithout,
    overlayPerPost: median(overlayMs) / FEED_POSTS,
    readerPerPostNoOverlay: median(noOverlayReaderMs) / FEED_POSTS,
    overlayMainThreadPerPost: (median(withMs) - median(noOverlayMs)) / FEED_POSTS,
    badges,
    heapWith: median(heapsWith),
    heapWithout: median(heapsWithout),
    sendPerReading: median(sends),
  };
}

/**
 * Times `runtime.sendMessage` of readings like the reader's (75 per message: five posts a frame
 * for a 250 ms send delay) to a message type the background ignores, so only the trip is timed.
 */
async function sendPerReading(harness: Harness): Promise<number> {
  const page = await harness.extensionPage('options.html');
  const perReading = await page.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(m: object): Promise<unknown> } };
    };
    const readings = Array.from({ length: 75 }, (_, j) => {
      const id = `1870000000000${String(j).padStart(6, '0')}`;
      const counts = { replies: j % 13, reposts: j % 29, likes: 100 + j, views: 3700 + j };
      return {
        platform: 'x',
        postId: id,
        url: `https://x.com/user${j}/status/${id}`,
        author: `user${j}`,
        postedAt: 1_790_000_000_000 + j,
        text: `Post number ${j}: the feed keeps going as you scroll.`,
        // No helper function: the page cannot see the bundler's name-keeping shim.
        counts: Object.fromEntries(
          Object.entries(counts).map(([metric, value]) => [metric, { precision: 'exact', value, raw: String(value) }]),
        ),
        readAt: 1_790_000_100_000,
      };
    });
    const times: number[] = [];
    for (let rep = 0; rep < 15; rep++) {
      const started = performance.now();
      for (let k = 0; k < 20; k++) void chrome.runtime.sendMessage({ type: 'bench-ignored', readings }).catch(() => 0);
      times.push((performance.now() - started) / (20 * readings.length));
    }
    return times.sort((a, b) => a - b)[7]!;
  });
  await page.close();
  return perReading;
}

/** Settings with the in-feed overlay off, saved before any page is opened. */
async function switchOverlayOff(harness: Harness): Promise<void> {
  const settings = defaultSettings();
  settings.overlay.enabled = false;
  await harness.saveSettings(settings);
}

function readerStats(harness: Harness, tabId: number): Promise<ReaderStats> {
  return harness.inBackground(async (id) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { sendMessage(id: number, m: object): Promise<ReaderStats> } };
    };
    return chrome.tabs.sendMessage(id, { type: 'reader-stats' });
  }, tabId);
}
