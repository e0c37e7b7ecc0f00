/** @vitest-environment happy-dom */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverlayRequest, PostStats, PostStatsReply } from '../messages/overlay';
import homeTimeline from '../platforms/fixtures/x-home-timeline.html?raw';
import { x } from '../platforms/x';
import { createPageReader, type PageReader } from '../reader/runner';
import { defaultSettings, type Settings } from '../settings/settings';
import { renderCard } from '../../components/overlay/CardLayer';
import { createOverlay, OVERLAY_TAG, type Overlay } from './overlay';
import { everythingNear, type NearViewportFactory } from './near';
import { hostModeFor } from './styles';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const ADA = 'x:1858979112345600001';

/** The page reader and the overlay as the content script wires them, with frames and timers run by the test. */
function harness(
  answer: (request: OverlayRequest) => unknown = () => ({ type: 'post-stats', stats: [] }),
  nearViewport: NearViewportFactory = everythingNear,
) {
  let clock = NOW;
  const frames: (() => void)[] = [];
  const timers: { at: number; run: () => void }[] = [];
  const request = vi.fn((message: OverlayRequest) => Promise.resolve(answer(message)));
  const overlay = createOverlay({
    adapter: x,
    document,
    request,
    now: () => clock,
    requestFrame: (cb) => frames.push(cb),
    setTimer: (cb, ms) => timers.push({ at: clock + ms, run: cb }),
    nearViewport,
    renderCard,
  });
  const reader = createPageReader({
    adapter: x,
    document,
    send: () => undefined,
    now: () => clock,
    requestFrame: (cb) => frames.push(cb),
    setTimer: (cb, ms) => timers.push({ at: clock + ms, run: cb }),
    onPostRead: (element, reading) => overlay.postRead(element, reading),
    ignoreSelector: OVERLAY_TAG,
  });
  /** Lets `ms` pass: mutations are delivered, frames and due timers run, replies arrive. */
  const settle = async (ms = 0) => {
    clock += ms;
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      while (frames.length) frames.shift()!();
      for (const timer of timers.filter((t) => t.at <= clock)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.run();
      }
    }
  };
  return { overlay, reader, request, settle };
}

function settings(change: (s: Settings) => void = () => undefined): Settings {
  const s = defaultSettings();
  // The main hiding switch on (off by default): each test turns on the sites it hides.
  s.hide.enabled = true;
  change(s);
  return s;
}

const badges = () => [...document.querySelectorAll(OVERLAY_TAG)];
/** Ada's post is doing 1.8× her usual at its age. */
const adaStats = (): PostStats => ({
  key: ADA,
  latest: {},
  usual: { score: 1.8, min: 1.8, max: 1.8, age: '6h', baseline: { expected: 345, posts: 34 } },
  peers: null,
});
const badgeText = (host: Element) => host.shadowRoot?.querySelector('.badge')?.textContent;
const statsKeys = (request: ReturnType<typeof harness>['request']) =>
  request.mock.calls.map(([m]) => (m.type === 'post-stats' ? m.keys : []));

/**
 * A stand-in for the IntersectionObserver: `watched` are the posts the overlay watches, and
 * `report(near, far)` says which came within reach of the viewport and which left it.
 */
function viewport() {
  const watched: Element[] = [];
  let onChange: (near: Element[], far: Element[]) => void = () => undefined;
  const factory: NearViewportFactory = (callback) => {
    onChange = callback;
    return { observe: (el) => watched.push(el), unobserve: () => undefined, disconnect: () => undefined };
  };
  return { watched, factory, report: (near: Element[], far: Element[] = []) => onChange(near, far) };
}

let reader: PageReader | undefined;
let overlay: Overlay | undefined;
beforeEach(() => {
  const doc = new DOMParser().parseFromString(homeTimeline, 'text/html');
  document.documentElement.setAttribute('lang', 'en');
  document.body.innerHTML = doc.body.innerHTML;
});
afterEach(() => {
  reader?.stop();
  overlay?.stop();
});

describe('the in-feed overlay', () => {
  it('puts one badge on each post read, after its text, without changing the page’s text', async () => {
    const h = harness();
    ({ reader, overlay } = h);
    const text = document.body.textContent;
    overlay.setSettings(settings());
    reader.start();
    await h.settle();
    const hosts = badges();
    expect(hosts).toHaveLength(6);
    for (const host of hosts) {
      expect(host.parentElement!.matches('[data-testid="tweetText"]')).toBe(true);
      expect(host.childNodes).toHaveLength(0); // all of it is in the shadow root
      // An empty inline in the text's own line: it adds nothing to the line (tests/browser/overlay.test.ts measures).
      expect(host.getAttribute('style')).toContain('position: relative !important; display: inline !important');
    }
    expect(badgeText(hosts[0]!)).toBe('6.9%');
    expect(document.body.textContent).toBe(text);
  });

  it('asks for the stats of every post in one message, after the reader has sent them, and shows the answer', async () => {
    const h = harness((m) =>
      m.type === 'post-stats' ? ({ type: 'post-stats', stats: [adaStats()] } satisfies PostStatsReply) : undefined,
    );
    ({ reader, overlay } = h);
    overlay.setSettings(settings());
    reader.start();
    await h.settle();
    expect(h.request).not.toHaveBeenCalled(); // the reader sends its readings 250 ms after a frame: later
    await h.settle(400);
    expect(statsKeys(h.request)).toEqual([expect.arrayContaining([ADA])]);
    expect(statsKeys(h.request)[0]).toHaveLength(6);
    await h.settle();
    expect(badgeText(badges()[0]!)).toBe('6.9% · 1.8× usual');
  });

  it('makes badges and asks for stats only for posts near the viewport, and for the others once they come near', async () => {
    const { watched, factory, report } = viewport();
    const h = harness(undefined, factory);
    ({ reader, overlay } = h);
    overlay.setSettings(settings());
    reader.start();
    await h.settle(400);
    expect(watched).toHaveLength(6);
    expect(badges()).toHaveLength(0);
    expect(h.request).not.toHaveBeenCalled();

    report(watched.slice(0, 2));
    await h.settle(400);
    expect(badges()).toHaveLength(2);
    expect(statsKeys(h.request)).toEqual([[expect.any(String), expect.any(String)]]);
    expect(badges().every((badge) => watched.slice(0, 2).some((post) => post.contains(badge)))).toBe(true);

    report(watched.slice(2));
    await h.settle(400);
    expect(badges()).toHaveLength(6);
    expect(statsKeys(h.request).flat()).toHaveLength(6);
  });

  it('takes badges off posts that leave the viewport and puts them back, from the stats it has, when they return', async () => {
    const { watched, factory, report } = viewport();
    const h = harness(() => ({ type: 'post-stats', stats: [adaStats()] }), factory);
    ({ reader, overlay } = h);
    overlay.setSettings(settings());
    reader.start();
    await h.settle(400);
    report(watched, []);
    await h.settle(400);
    await h.settle();
    const ada = watched.find((post) => badgeText(post.querySelector(OVERLAY_TAG)!)?.includes('usual'))!;
    expect(badges()).toHaveLength(6);

    report([], watched.slice(0, 5));
    await h.settle();
    expect(badges()).toHaveLength(1);
    expect(overlay.stats().badges).toBe(6); // none made: they went back to the pool

    report(watched.slice(0, 5), []);
    await h.settle();
    expect(badges()).toHaveLength(6);
    expect(overlay.stats().badges).toBe(6);
    expect(badgeText(ada.querySelector(OVERLAY_TAG)!)).toBe('6.9% · 1.8× usual');
    expect(h.request).toHaveBeenCalledTimes(1); // nothing asked again: the counts did not change
  });

  it('keeps the badge of a post that leaves the viewport while its card is open', async () => {
    const { watched, factory, report } = viewport();
    const h = harness(undefined, factory);
    ({ reader, overlay } = h);
    overlay.setSettings(settings());
    reader.start();
    await h.settle(400);
    report(watched, []);
    await h.settle();
    const host = watched[0]!.querySelector(OVERLAY_TAG)!;
    host.shadowRoot!.querySelector('button')!.click();
    await h.settle();
    expect(host.shadowRoot!.querySelector('[role="dialog"]')).not.toBeNull();
    report([], watched);
    await h.settle();
    expect(badges()).toEqual([host]);
  });

  it('asks again only about posts whose counts changed, and redraws only their badges', async () => {
    const h = harness();
    ({ reader, overlay } = h);
    overlay.setSettings(settings());
    reader.start();
    await h.settle(400);
    const before = overlay.stats();
    // The page re-renders every post with the same counts, then one like lands on Ada's post.
    reader.rescan();
    await h.settle(400);
    expect(h.request).toHaveBeenCalledTimes(1);
    expect(overlay.stats().badges).toBe(before.badges);
    const like = document.querySelector('article [data-testid="like"]')!;
    document
      .querySelector('article [role="group"]')!
      .setAttribute('aria-label', '12 replies, 34 reposts, 568 likes, 8 bookmarks, 9012 views');
    like.setAttribute('aria-label', '568 Likes. Like');
    await h.settle();
    expect(badgeText(badges()[0]!)).toBe('6.9%'); // redrawn at once from the page (621 → 622 of 9,012)
    await h.settle(400);
    expect(statsKeys(h.request)).toEqual([expect.any(Array), [ADA]]);
    expect(badges()).toHaveLength(6);
  });

  it('is removed without reload when turned off for the site, or when hiding also hides Feedlens’s figures', async () => {
    const h = harness();
    ({ reader, overlay } = h);
    overlay.setSettings(settings());
    reader.start();
    await h.settle();
    expect(badges()).toHaveLength(6);

    overlay.setSettings(settings((s) => (s.overlay.sites.x = false)));
    expect(badges()).toHaveLength(0);
    overlay.setSettings(settings());
    reader.rescan(); // what the content script does on every settings change
    await h.settle();
    expect(badges()).toHaveLength(6);

    overlay.setSettings(settings((s) => (s.hide.sites.x = true)));
    expect(badges()).toHaveLength(0);
    // Hiding on, but the user keeps Feedlens's own figures.
    overlay.setSettings(settings((s) => ((s.hide.sites.x = true), (s.hide.hideFeedlensFigures = false))));
    reader.rescan();
    await h.settle();
    expect(badges()).toHaveLength(6);
    // Hiding on other sites does not touch X.
    overlay.setSettings(settings((s) => (s.hide.sites.reddit = true)));
    reader.rescan();
    await h.settle();
    expect(badges()).toHaveLength(6);
  });

  it('shows nothing before the settings are known', async () => {
    const h = harness();
    ({ reader, overlay } = h);
    reader.start();
    await h.settle(1000);
    expect(badges()).toHaveLength(0);
    expect(h.request).not.toHaveBeenCalled();
  });

  it('keeps one badge per post when an element is recycled for another post or a post appears twice', async () => {
    const h = harness();
    ({ reader, overlay } = h);
    overlay.setSettings(settings());
    reader.start();
    await h.settle();
    const [first, second] = [...document.querySelectorAll('article[data-testid="tweet"]')];
    // The same post twice on the page (a clone appended, as a thread might show it).
    first!.parentElement!.append(first!.cloneNode(true));
    await h.settle();
    expect(badges()).toHaveLength(6);
    // X recycles the second article for another post: its badge follows the new post.
    const reading = x.scanPosts([second!], { url: new URL('https://x.com/home'), locale: 'en', now: NOW }).readings[0]!;
    overlay.postRead(second!, { ...reading, postId: '1870000000000000001' });
    overlay.flushFrame();
    expect(second!.querySelectorAll(OVERLAY_TAG)).toHaveLength(1);
  });

  it('reuses the badge of a post that left the page for the next post mounted, as X’s virtual list does', async () => {
    const h = harness();
    ({ reader, overlay } = h);
    overlay.setSettings(settings());
    reader.start();
    await h.settle();
    const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')];
    const leaving = cells[0]!;
    const host = leaving.querySelector(OVERLAY_TAG)!;
    const made = overlay.stats().badges;
    // A new post mounted at the end as the first one is unmounted (a clone with its own id).
    const cell = cells[1]!.cloneNode(true) as Element;
    cell.querySelector(OVERLAY_TAG)?.remove();
    cell.querySelector('time')!.parentElement!.setAttribute('href', '/someone/status/1870000000000000999');
    leaving.parentElement!.append(cell);
    leaving.remove();
    await h.settle();
    expect(cell.querySelector(OVERLAY_TAG)).toBe(host);
    expect(badges()).toHaveLength(6);
    expect(overlay.stats().badges).toBe(made);
    expect(badgeText(host)).toBe(badgeText(cells[1]!.querySelector(OVERLAY_TAG)!));
  });
});

describe('how a badge’s host sits in its anchor', () => {
  it('is an empty inline in flow layouts, and out of flow wherever it would be a flex or grid item', () => {
    for (const display of ['block', 'inline', 'inline-block', 'list-item', 'flow-root', 'table-cell', 'block flow']) {
      expect(hostModeFor(display), display).toBe('flow');
    }
    for (const display of [
      'flex',
      'inline-flex',
      'grid',
      'inline-grid',
      'contents',
      'table',
      'table-row',
      'ruby',
      '',
    ]) {
      expect(hostModeFor(display), display).toBe('out');
    }
  });
});
