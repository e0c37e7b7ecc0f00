/**
 * The in-feed overlay: a badge on each post the page reader has read, with its key figure, opening a
 * card with the details. Its cost rides on every scroll of someone's feed, so:
 *
 *   reader frame ─── postRead(element, reading): bookkeeping only (a map lookup and a short string
 *        │           of the counts); posts whose counts did not change since cost nothing more
 *   near viewport ── only posts within half a screen of the viewport (lib/overlay/near.ts) have a
 *        │           badge: one leaving that reach gives it back to the pool, so a feed with
 *        │           hundreds of posts loaded has badges only where the user is
 *   next frame ───── every badge that changed is placed or re-rendered, in one batch; no layout is
 *        │           read (the host is out of flow and sits at its static position)
 *   request timer ── one `post-stats` message for all posts near the viewport read meanwhile whose
 *                    counts changed, sent after the reader has sent their readings, so the answer
 *                    includes them
 *
 * Badges show the page's own reading at once (the rate needs nothing stored); the comparison with
 * the author's usual and the peers' rank arrive with the background's answer. Nothing is shown
 * where the settings turn the overlay off, or where hiding counts also hides Feedlens's figures.
 */
import type { OverlayRequest, PostStats } from '../messages/overlay';
import type { OverlayStats } from '../messages/page-queries';
import { postKey } from '../model';
import type { PlatformAdapter, PostDraft } from '../platforms/types';
import { afterNextFrame, busyMeter, frameBatcher } from '../content/scheduling';
import { hidesFeedlensFigures, type Settings } from '../settings/settings';
import { createBadge, type Badge } from './badge';
import { createBadgePool } from './badge-pool';
import type { CardContent, CardRenderer } from './card';
import { createCards } from './cards';
import { badgeFigure, countsPrint, currentCounts } from './figure';
import { OVERLAY_TAG, sharedSheet } from './host';
import { nearViewportWatcher, type NearViewportFactory } from './near';
import { createPlacer, type Place } from './placement';
import { createPostRegistry, type Entry } from './posts';
import { createStatsClient } from './stats-client';
import { pageTheme, watchTheme, type Theme } from './theme';

export { OVERLAY_TAG } from './host';

export interface OverlayOptions {
  adapter: PlatformAdapter;
  document: Document;
  /** Sends a message to the background and resolves with its answer (undefined if it had none). */
  request(message: OverlayRequest): Promise<unknown>;
  now?(): number;
  requestFrame?(callback: () => void): void;
  setTimer?(callback: () => void, ms: number): void;
  /**
   * How long after a post is read its stats are asked for: longer than the reader's send delay
   * (250 ms), so the reading is in the background's queue before the question.
   */
  requestDelayMs?: number;
  /** Which posts are near the viewport (default: an IntersectionObserver; tests pass their own). */
  nearViewport?: NearViewportFactory;
  /** Draws a badge's detail card (components/overlay/CardLayer.tsx, loaded on demand: lib/overlay/card-loader.ts). */
  renderCard: CardRenderer;
}

export interface Overlay {
  /** The reader's hook: one post read, with the element it came from. */
  postRead(element: Element, reading: PostDraft): void;
  /** Shows or removes every badge as the settings say (on, per site, and the wellbeing rule). */
  setSettings(settings: Settings): void;
  stop(): void;
  stats(): OverlayStats;
  /** Renders now instead of at the next frame (tests). */
  flushFrame(): void;
}

export function createOverlay(options: OverlayOptions): Overlay {
  const { adapter, document: doc } = options;
  const now = options.now ?? (() => Date.now());
  const requestFrame = options.requestFrame ?? afterNextFrame;
  const setTimer = options.setTimer ?? ((cb, ms) => void setTimeout(cb, ms));

  let active = false;
  const posts = createPostRegistry();
  const dirty = new Set<Element>();
  /** Posts with a badge: checked for posts that left the page, whose badges are then reused. */
  const badged = new Set<Element>();
  let theme: Theme | null = null;
  let stopTheme: (() => void) | null = null;
  let sheet: CSSStyleSheet | null | undefined;
  let pruneAbove = 500;
  /** Which post each badge shows now (pooled badges move from post to post). */
  const badgeEntries = new WeakMap<Badge, Entry>();
  /** What each badge was last drawn from: counts, usual and theme, as one string. */
  const drawnFrom = new WeakMap<Badge, string>();
  const cards = createCards((badge) => {
    const entry = badgeEntries.get(badge);
    return entry ? cardContent(entry) : null;
  });
  const pool = createBadgePool((mode) => {
    sheet ??= sharedSheet(doc);
    return createBadge(doc, { sheet, mode, onToggle: cards.toggle, renderCard: options.renderCard });
  });
  const placer = createPlacer(adapter.overlayAnchor);
  const busy = busyMeter();
  const timed = busy.time;
  const stats = createStatsClient({
    request: options.request,
    now,
    setTimer,
    delayMs: options.requestDelayMs ?? 400,
    onStats: (answers) => active && timed(() => received(answers)),
  });

  const nearWatcher = (options.nearViewport ?? nearViewportWatcher(doc.defaultView))((near, far) => {
    if (active)
      timed(() => {
        goFar(far);
        comeNear(near);
      });
  });

  function comeNear(elements: readonly Element[]): void {
    for (const element of elements) {
      const entry = posts.get(element);
      if (!entry || entry.near) continue;
      entry.near = true;
      dirty.add(element);
      stats.want(entry.key, entry.print);
    }
    if (dirty.size) scheduleFrame();
  }

  /**
   * Posts that left the viewport's reach give their badge back to the pool (it is drawn again from
   * the stats already kept if they come back), except a badge whose card is open or that has focus.
   */
  function goFar(elements: readonly Element[]): void {
    for (const element of elements) {
      if (!element.isConnected) nearWatcher.unobserve(element);
      const entry = posts.get(element);
      if (!entry?.near) continue;
      const badge = entry.badge;
      if (badge && (badge.isOpen() || doc.activeElement === badge.host)) continue;
      entry.near = false;
      dirty.delete(element);
      removeBadge(element, entry);
    }
  }

  const scheduleFrame = frameBatcher(requestFrame, flushFrame);

  function removeBadge(element: Element, entry: Entry): void {
    const badge = entry.badge;
    if (!badge) return;
    cards.released(badge);
    badgeEntries.delete(badge);
    pool.release(badge);
    entry.badge = undefined;
    badged.delete(element);
  }

  function forget(element: Element, entry: Entry): void {
    removeBadge(element, entry);
    nearWatcher.unobserve(element);
    posts.forget(element);
  }

  /** A page that clones a post (to show it again) clones our host too, empty: not a badge. */
  function dropClonedHosts(element: Element): void {
    for (const copy of element.querySelectorAll(OVERLAY_TAG)) if (!copy.shadowRoot) copy.remove();
  }

  function postRead(element: Element, reading: PostDraft): void {
    if (!active || (adapter.overlaySkip && element.matches(adapter.overlaySkip))) return;
    const read = posts.read(element, postKey(reading), reading, countsPrint(reading.counts));
    if (read.kind === 'duplicate') {
      if (read.entry) forget(element, read.entry);
      else dropClonedHosts(element);
      return;
    }
    const { entry } = read;
    if (read.kind === 'same') return;
    if (read.kind === 'new') {
      dropClonedHosts(element);
      // May report it at once (then it is marked dirty and asked about right here).
      nearWatcher.observe(element);
      return;
    }
    if (!entry.near) return;
    dirty.add(element);
    scheduleFrame();
    stats.want(entry.key, entry.print);
  }

  /** Redraws the badges of posts whose stats arrived. */
  function received(answers: readonly PostStats[]): void {
    for (const answer of answers) {
      const element = posts.ownerOf(answer.key);
      if (element) dirty.add(element);
    }
    if (dirty.size) scheduleFrame();
  }

  /** What the card of a post shows (computed only when it opens or is open). */
  function cardContent(entry: Entry): CardContent {
    const { key, reading } = entry;
    const stat = stats.get(key) ?? null;
    const postedAt = reading.postedAt ?? stat?.postedAt;
    const includes = reading.includes ?? stat?.includes;
    return {
      data: {
        platform: adapter.id,
        siteName: adapter.name,
        counts: currentCounts(reading.counts, stat?.latest),
        stats: stat,
        ...(includes ? { includes } : {}),
        ...(postedAt !== undefined ? { postedAt } : {}),
      },
      now: now(),
      loadHistory: () => stats.history(key),
    };
  }

  /** Places (at `place`, read beforehand) and draws one post's badge. */
  function render(element: Element, entry: Entry, place: Place | null): void {
    if (place && entry.badge?.mode !== place.mode) {
      removeBadge(element, entry);
      entry.badge = pool.acquire(place.mode);
      badgeEntries.set(entry.badge, entry);
      badged.add(element);
    }
    const badge = entry.badge;
    if (!badge) return;
    if (place) place.anchor.append(badge.host);
    const stat = stats.get(entry.key);
    const counts = currentCounts(entry.reading.counts, stat?.latest);
    const usual = stat?.usual;
    // A stats answer often changes nothing the badge shows (no usual yet, no count the page lacks).
    const inputs = `${countsPrint(counts)}/${usual ? `${usual.score},${usual.min},${usual.max},${usual.age}` : ''}/${theme}`;
    if (drawnFrom.get(badge) !== inputs) {
      badge.draw(badgeFigure({ platform: adapter.id, counts, usual }), theme!);
      drawnFrom.set(badge, inputs);
    }
    if (badge.isOpen()) badge.refresh(cardContent(entry));
  }

  /** Badges of posts that left the page (an unmounted cell) go back to the pool. */
  function reclaim(): void {
    for (const element of badged) {
      if (element.isConnected) continue;
      const entry = posts.get(element);
      if (entry) removeBadge(element, entry);
      else badged.delete(element);
    }
  }

  /** Drops posts that left the page (a long scroll of a virtualised feed), now and then. */
  function prune(): void {
    for (const [element, entry] of posts.entries()) if (!element.isConnected) forget(element, entry);
    pruneAbove = Math.max(500, posts.size * 2);
  }

  function flushFrame(): void {
    if (!active) {
      dirty.clear();
      return;
    }
    timed(() => {
      if (!theme) {
        theme = pageTheme(doc);
        stopTheme = watchTheme(
          doc,
          (next) => {
            theme = next;
            // A theme switch is rare: every badge is drawn again, once.
            for (const [element] of posts.entries()) dirty.add(element);
            scheduleFrame();
          },
          requestFrame,
        );
      }
      reclaim();
      // All reads first (where each new badge goes), then all writes.
      const work: [Element, Entry, Place | null][] = [];
      for (const element of dirty) {
        const entry = posts.get(element);
        if (!entry?.near || !element.isConnected) continue;
        work.push([element, entry, placer(element, entry.badge?.host)]);
      }
      dirty.clear();
      for (const [element, entry, place] of work) render(element, entry, place);
      if (posts.size > pruneAbove) prune();
    });
  }

  function removeAll(): void {
    for (const [element, entry] of posts.entries()) forget(element, entry);
    dirty.clear();
    // Asked again after turning back on: counts may have changed while badges were off.
    stats.reset();
    stopTheme?.();
    stopTheme = null;
    theme = null;
  }

  return {
    postRead,
    setSettings(settings) {
      const on =
        settings.overlay.enabled &&
        settings.overlay.sites[adapter.id] &&
        !hidesFeedlensFigures(settings, adapter.id, now());
      if (on === active) return;
      active = on;
      // Turning on needs the posts read again: the content script rescans on every settings change.
      if (!on) timed(removeAll);
    },
    stop() {
      active = false;
      removeAll();
      nearWatcher.disconnect();
    },
    stats: (): OverlayStats => ({ badges: pool.made, busyMs: busy.ms, requests: stats.requests() }),
    flushFrame,
  };
}
