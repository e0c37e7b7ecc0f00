/**
 * An in-page driver for the delivery and flood tests, installed into a page served with the X home
 * timeline fixture (`page.evaluate(installFeedDriver)`, serialised by Playwright, so it uses only
 * what it defines) and then called as `window.__feedDriver`: it changes the page as X's timeline
 * does while the test watches the store.
 */

export interface FeedProgress {
  mounted: number;
  done: boolean;
}

export interface FeedDriver {
  /**
   * Appends `total` generated posts (ids `<tab>00000<n>`), `perTick` every 16 ms (a timer, not
   * animation frames: Chromium runs only the front tab's frames at full rate), and raises each
   * post's likes by one `bumpAfter` ticks after it appeared. Progress is in `window.__feed`.
   */
  growFeed(options: { tab: number; total: number; perTick: number; bumpAfter: number }): Promise<void>;
  /**
   * Changes the like counts of every post on the page `perSecond` times a second for `seconds`
   * (several changes per task, as a page animating its counters or a hostile one would); returns
   * each post's final like count by id.
   */
  floodCounts(options: { perSecond: number; seconds: number }): Promise<Record<string, number>>;
}

export function installFeedDriver(): void {
  // Where the X adapter reads a post's counts: the action bar's labels.
  const setLikes = (cell: Element, likes: number) => {
    const group = cell.querySelector('[role="group"]')!;
    group.setAttribute('aria-label', `1 replies, 2 reposts, ${likes} likes, 0 bookmarks, ${likes * 10} views`);
    cell
      .querySelector('[data-testid="like"], [data-testid="unlike"]')!
      .setAttribute('aria-label', `${likes} Likes. Like`);
  };
  const driver: FeedDriver = {
    async growFeed({ tab, total, perTick, bumpAfter }) {
      const progress: FeedProgress = { mounted: 0, done: false };
      (window as unknown as { __feed: FeedProgress }).__feed = progress;
      const template = document.querySelector('[data-testid="cellInnerDiv"]')!;
      const list = template.parentElement!;
      const cells: { cell: Element; likes: number; tick: number; bumped: boolean }[] = [];
      for (let tick = 0; progress.mounted < total || cells.some((c) => !c.bumped); tick++) {
        for (let k = 0; k < perTick && progress.mounted < total; k++) {
          const n = progress.mounted++;
          const cell = template.cloneNode(true) as Element;
          const id = `${tab}00000${String(n).padStart(6, '0')}`;
          cell.querySelector('time')!.parentElement!.setAttribute('href', `/user${n % 97}/status/${id}`);
          cell.querySelector('a[href$="/analytics"]')!.setAttribute('href', `/user${n % 97}/status/${id}/analytics`);
          cell.querySelector('[data-testid="tweetText"]')!.textContent = `Post ${n} of tab ${tab}.`;
          setLikes(cell, 100 + n);
          list.append(cell);
          cells.push({ cell, likes: 100 + n, tick, bumped: false });
        }
        for (const entry of cells) {
          if (entry.bumped || tick - entry.tick < bumpAfter) continue;
          setLikes(entry.cell, entry.likes + 1);
          entry.bumped = true;
        }
        await new Promise((resolve) => setTimeout(resolve, 16));
      }
      progress.done = true;
    },
    async floodCounts({ perSecond, seconds }) {
      // The timeline's posts with a like button (not every cell has both).
      const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].filter(
        (cell) => cell.querySelector('a[href*="/status/"] > time') && cell.querySelector('[data-testid$="like"]'),
      );
      const final: Record<string, number> = {};
      const ids = cells.map(
        (cell) =>
          /status\/(\d+)/.exec(
            cell.querySelector('a[href*="/status/"] > time')!.parentElement!.getAttribute('href')!,
          )![1]!,
      );
      const started = performance.now();
      let changes = 0;
      while (performance.now() - started < seconds * 1000) {
        const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
        for (; changes < due; changes++) {
          const i = changes % cells.length;
          setLikes(cells[i]!, 1000 + changes);
          final[ids[i]!] = 1000 + changes;
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return final;
    },
  };
  (window as unknown as { __feedDriver: FeedDriver }).__feedDriver = driver;
}
