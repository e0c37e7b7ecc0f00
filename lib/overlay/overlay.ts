/**
 * The in-feed overlay: a badge on each post the page reader has read, with its key figure, opening a
 * card with the details. Its cost rides on every scroll of someone's feed, so:
 *
 *   reader frame ─── postRead(element, reading): bookkeeping only (a map lookup and a short string
 *        │           of the counts); posts whose counts did not change since cost nothing more
 *   near viewport ── only posts within two screens of the viewport (lib/overlay/near.ts) go on:
 *        │           a feed with hundreds of posts loaded makes badges only where the user is
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
import { createBadge, type Badge, type CardContent } from './badge';
import { badgeFigure, countsPrint, currentCounts } from './figure';
import { anchorOf, hostModeOf, OVERLAY_TAG, sharedSheet } from './host';
import { nearViewportWatcher, type NearViewportFactory } from './near';
import { createStatsClient } from './stats-client';
import type { HostMode } from './styles';
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

interface Entry {
  key: string;
  reading: PostDraft;
  print: string;
  /** Within reach of the viewport: only then does the post get a badge and a stats question. */
  near: boolean;
  badge?: Badge;
}

export function createOverlay(options: OverlayOptions): Overlay {
  const { adapter, document: doc } = options;
  const now = options.now ?? (() => Date.now());
  const requestFrame = options.requestFrame ?? afterNextFrame;
  const setTimer = options.setTimer ?? ((cb, ms) => void setTimeout(cb, ms));

  let active = false;
  /** Posts with a badge (or about to get one), by element. */
  const entries = new Map<Element, Entry>();
  /** The element showing each post: one badge per post, even where a page shows it twice. */
  const owners = new Map<string, Element>();
  const dirty = new Set<Element>();
  let theme: Theme | null = null;
  let stopTheme: (() => void) | null = null;
  let sheet: CSSStyleSheet | null | undefined;
  let pruneAbove = 500;
  /** The one badge whose card is open, and the entry it belongs to (cards open one at a time). */
  let openBadge: Badge | null = null;
  const badgeEntries = new WeakMap<Badge, Entry>();
  /** How hosts sit in the anchors each selector finds (see HostMode), read once per page. */
  const modes = new Map<string, HostMode>();
  let badgesMade = 0;
  const busy = busyMeter();
  const timed = busy.time;
  const stats = createStatsClient({
    request: options.request,
    now,
    setTimer,
    delayMs: options.requestDelayMs ?? 400,
    onStats: (answers) => active && timed(() => received(answers)),
  });

  const nearWatcher = (options.nearViewport ?? nearViewportWatcher(doc.defaultView))((elements) => {
    if (active) timed(() => comeNear(elements));
  });

  function comeNear(elements: readonly Element[]): void {
    for (const element of elements) {
      const entry = entries.get(element);
      if (!entry || entry.near) continue;
      entry.near = true;
      dirty.add(element);
      stats.want(entry.key, entry.print);
    }
    if (dirty.size) scheduleFrame();
  }

  const scheduleFrame = frameBatcher(requestFrame, flushFrame);

  function removeBadge(entry: Entry): void {
    if (!entry.badge) return;
    if (openBadge === entry.badge) openBadge = null;
    entry.badge.remove();
    entry.badge = undefined;
  }

  function forget(element: Element, entry: Entry): void {
    removeBadge(entry);
    nearWatcher.unobserve(element);
    entries.delete(element);
    if (owners.get(entry.key) === element) owners.delete(entry.key);
  }

  function postRead(element: Element, reading: PostDraft): void {
    if (!active || (adapter.overlaySkip && element.matches(adapter.overlaySkip))) return;
    const key = postKey(reading);
    let entry = entries.get(element);
    // Feeds recycle elements for other posts (X, TikTok): the element now shows another post.
    if (entry && entry.key !== key && owners.get(entry.key) === element) owners.delete(entry.key);
    const owner = owners.get(key);
    if (owner && owner !== element && owner.isConnected && entries.get(owner)?.key === key) {
      // Already shown by another element (YouTube's comments header repeats its video's key).
      if (entry) forget(element, entry);
      else for (const copy of element.querySelectorAll(OVERLAY_TAG)) if (!copy.shadowRoot) copy.remove();
      return;
    }
    owners.set(key, element);
    const print = countsPrint(reading.counts);
    if (entry && entry.key === key && entry.print === print && entry.badge?.host.isConnected) return;
    if (entry) Object.assign(entry, { key, reading, print });
    else {
      entries.set(element, (entry = { key, reading, print, near: false }));
      // A page that clones a post (to show it again) clones our host too, empty: not a badge.
      for (const copy of element.querySelectorAll(OVERLAY_TAG)) if (!copy.shadowRoot) copy.remove();
      // May report it at once (then it is marked dirty and asked about right here).
      nearWatcher.observe(element);
      return;
    }
    if (!entry.near) return;
    dirty.add(element);
    scheduleFrame();
    stats.want(key, print);
  }

  /** Redraws the badges of posts whose stats arrived. */
  function received(answers: readonly PostStats[]): void {
    for (const answer of answers) {
      const element = owners.get(answer.key);
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

  function toggle(badge: Badge): void {
    const entry = badgeEntries.get(badge);
    if (badge.isOpen()) {
      badge.close(true);
      openBadge = null;
    } else if (entry) {
      openBadge?.close(false);
      openBadge = badge;
      badge.open(cardContent(entry));
    }
  }

  /** Where a badge goes, when it has no place yet (or the site re-rendered it away): its anchor. */
  function placement(element: Element, entry: Entry): { anchor: Element; mode: HostMode } | null {
    const host = entry.badge?.host;
    if (host?.isConnected && element.contains(host)) return null;
    const { anchor, selector } = anchorOf(element, adapter.overlayAnchor);
    // Without an anchor of its own, a badge hangs below the post rather than over its last line
    // (usually its buttons): out of flow, after the post's content.
    if (!selector) return { anchor, mode: 'out' };
    // A site styles all matches of one selector alike: its layout is read once per page.
    let mode = modes.get(selector);
    if (!mode) modes.set(selector, (mode = hostModeOf(anchor)));
    return { anchor, mode };
  }

  /** Places (with the anchor's layout read beforehand: `mode`) and draws one post's badge. */
  function render(entry: Entry, anchor: Element | null, mode: HostMode | null): void {
    if (anchor && mode && entry.badge?.mode !== mode) {
      if (entry.badge) removeBadge(entry);
      sheet ??= sharedSheet(doc);
      entry.badge = createBadge(doc, { sheet, mode, onToggle: toggle });
      badgeEntries.set(entry.badge, entry);
      badgesMade++;
    }
    const badge = entry.badge;
    if (!badge) return;
    if (anchor) anchor.append(badge.host);
    const stat = stats.get(entry.key);
    const counts = currentCounts(entry.reading.counts, stat?.latest);
    badge.draw(badgeFigure({ platform: adapter.id, counts, usual: stat?.usual }), theme!);
    if (badge.isOpen()) badge.refresh(cardContent(entry));
  }

  /** Drops posts that left the page (a long scroll of a virtualised feed), now and then. */
  function prune(): void {
    for (const [element, entry] of entries) if (!element.isConnected) forget(element, entry);
    pruneAbove = Math.max(500, entries.size * 2);
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
            for (const element of entries.keys()) dirty.add(element);
            scheduleFrame();
          },
          requestFrame,
        );
      }
      // All reads first (where each new badge goes), then all writes.
      const work: [Entry, Element | null, HostMode | null][] = [];
      for (const element of dirty) {
        const entry = entries.get(element);
        if (!entry?.near || !element.isConnected) continue;
        const place = placement(element, entry);
        work.push([entry, place?.anchor ?? null, place?.mode ?? null]);
      }
      dirty.clear();
      for (const [entry, anchor, mode] of work) render(entry, anchor, mode);
      if (entries.size > pruneAbove) prune();
    });
  }

  function removeAll(): void {
    for (const [element, entry] of entries) forget(element, entry);
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
    stats: (): OverlayStats => ({ badges: badgesMade, busyMs: busy.ms, requests: stats.requests() }),
    flushFrame,
  };
}
