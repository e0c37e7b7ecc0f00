/**
 * The page reader: one MutationObserver per page, DOM reads batched into one animation frame,
 * readings batched into one message. Its cost runs on every scroll of someone's feed, so:
 *
 *   mutation callback ── only records which nodes changed (no DOM reads)
 *        │
 *   after the frame ──── finds the posts those nodes belong to, reads them with the adapter,
 *        │               keeps only posts whose reading changed since it was last sent
 *   send timer ───────── one message for everything read in the meantime
 *
 * Readings are keyed by the id read from the element at read time, because feeds recycle
 * elements for other posts (X, TikTok); elements are never trusted to keep their identity.
 */
import type { ReaderDiagnostic, ReaderStatus } from '../messages/page-store';
import type { ReaderStats } from '../messages/page-queries';
import { MAX_READINGS_PER_MESSAGE } from '../messages/page-store';
import { METRICS, postKey, type PostReading } from '../model';
import { normalizeLocale } from '../numbers/parse-count';
import type { PlatformAdapter, PostDraft, ScanResult } from '../platforms/types';
import { afterNextFrame, busyMeter, frameBatcher } from '../content/scheduling';
import { recognizeUnseenPosts } from './drift';
import { createDriftWatch } from './drift-watch';
import { initialHealth, pauseForDrift, updateHealth, type HealthState } from './health';

export interface ReaderOptions {
  adapter: PlatformAdapter;
  document: Document;
  send(readings: PostReading[]): void;
  /** Called when reading starts working, or pauses because the layout was not recognized. */
  onHealth?(status: ReaderStatus, diagnostic?: ReaderDiagnostic): void;
  /** When false (the user paused storing), posts are still listed for the popup but not sent. */
  shouldStore?(): boolean;
  now?(): number;
  requestFrame?(callback: () => void): void;
  setTimer?(callback: () => void, ms: number): void;
  /**
   * The timer drift detection looks at an unread page with (drift-watch.ts); a timer of its own
   * because it keeps ticking while a page reads nothing. Defaults to `setTimeout`.
   */
  setDriftTimer?(callback: () => void, ms: number): void;
  /** How long readings gather before they are sent in one message. */
  sendDelayMs?: number;
  /** Elements of our own (overlay badges) whose mutations are not the page's. */
  ignoreSelector?: string;
  /** Runs at the start of every read frame (cheap upkeep such as re-attaching the hide stylesheet). */
  onFrame?(): void;
  /**
   * Elements just added to the page, passed on synchronously from the mutation callback — before
   * the next paint — for work that cannot wait for the read frame (styling new shadow roots).
   */
  onAdded?(elements: readonly Element[]): void;
  /**
   * Nodes changed in place (text edited or replaced, attributes), passed on synchronously like
   * `onAdded` (the fail-closed hiding rule looks at new count text before it is painted).
   */
  onChanged?(nodes: readonly Node[]): void;
  /** Each post read, with the element it came from (marking the user's own posts, the overlay). */
  onPostRead?(element: Element, reading: PostDraft): void;
}

export interface PageReader {
  start(): void;
  stop(): void;
  /** The page navigated in-app: start a new list of the page's posts and a new health verdict. */
  navigated(): void;
  /** Reads every post on the page again at the next frame (after a settings change). */
  rescan(): void;
  pagePosts(): string[];
  status(): ReaderStatus;
  diagnostic(): ReaderDiagnostic | undefined;
  stats(): ReaderStats;
  /** Reads now instead of at the next frame (used on start-up and by tests). */
  flushFrame(): void;
  flushSend(): void;
}

/**
 * What decides whether a post's reading is news: its counts (and the few facts a record keeps).
 * Built by hand rather than JSON.stringify: it runs for every post of every frame.
 */
function fingerprint(draft: PostDraft): string {
  let print = `${draft.author ?? ''}|${draft.postedAt ?? ''}|${draft.text?.length ?? ''}|${draft.promoted ? 1 : 0}`;
  for (const metric of METRICS) {
    const count = draft.counts[metric];
    if (!count) continue;
    print += `|${metric}:${count.precision}`;
    if ('value' in count)
      print += count.precision === 'exact' ? `=${count.value}` : `=${count.value}:${count.min}:${count.max}`;
  }
  return print;
}

export function createPageReader(options: ReaderOptions): PageReader {
  const { adapter, document: doc } = options;
  const now = options.now ?? (() => Date.now());
  const requestFrame = options.requestFrame ?? afterNextFrame;
  const setTimer = options.setTimer ?? ((cb, ms) => void setTimeout(cb, ms));
  const sendDelayMs = options.sendDelayMs ?? 250;

  let observer: MutationObserver | null = null;
  /** Elements added to the page: they may be posts or contain posts. */
  let addedElements: Element[] = [];
  /** Nodes changed in place (attributes, text, children removed): they may be inside a post. */
  let changedNodes: Node[] = [];
  let fullScan = true;
  let sendScheduled = false;
  let outbox: PostReading[] = [];
  /** The fingerprint last sent per post key: unchanged posts cost a read but no message. */
  const lastSent = new Map<string, string>();
  /** Readings by the adapter's quick print: a remounted, unchanged post is not read again. */
  const byQuickPrint = new Map<string, PostDraft>();
  let pageKeys = new Map<string, true>();
  let health: HealthState = initialHealth();
  const stats = { posts: 0, batches: 0 };
  const busy = busyMeter();
  const timed = busy.time;

  const scheduleFrame = frameBatcher(requestFrame, flushFrame);
  const pageLocale = () => normalizeLocale(doc.documentElement.getAttribute('lang'));
  const drift = createDriftWatch({
    check: () => timed(() => recognizeUnseenPosts(doc, adapter, options.ignoreSelector)),
    settled: () => health.status === 'paused' || health.readings > 0,
    onDrift: (report) => setHealth(pauseForDrift(health, report, pageLocale(), now(), adapter.postSelector)),
    setTimer: options.setDriftTimer ?? ((cb, ms) => void setTimeout(cb, ms)),
    now,
  });

  function onMutations(records: MutationRecord[]): void {
    timed(() => {
      const changedBefore = changedNodes.length;
      const addedBefore = addedElements.length;
      for (const record of records) {
        if (record.type !== 'childList') {
          changedNodes.push(record.target);
          continue;
        }
        let inPlace = record.removedNodes.length > 0;
        const before = addedElements.length;
        for (const node of record.addedNodes) {
          if (node.nodeType === 1) addedElements.push(node as Element);
          else inPlace = true;
        }
        if (options.onAdded && addedElements.length > before) options.onAdded(addedElements.slice(before));
        // A counter whose text node was replaced, or whose old value was removed (Mastodon's
        // AnimatedNumber), changed its post without adding any element.
        if (inPlace) changedNodes.push(record.target);
      }
      if (options.onChanged && changedNodes.length > changedBefore)
        options.onChanged(changedNodes.slice(changedBefore));
      if (addedElements.length > addedBefore) drift.changed();
    });
    if (addedElements.length || changedNodes.length) scheduleFrame();
  }

  /** The quick prints of the posts handed to the adapter this frame (each computed once). */
  const unreadPrints = new Map<Element, string>();

  /** Splits posts into those whose quick print says they were read before, and the rest. */
  function quickRead(posts: Element[]): { known: [Element, PostDraft][]; unread: Element[] } {
    const known: [Element, PostDraft][] = [];
    if (!adapter.quickPrint || health.status === 'paused') return { known, unread: posts };
    const unread: Element[] = [];
    for (const post of posts) {
      const print = adapter.quickPrint(post);
      const draft = print === null ? undefined : byQuickPrint.get(print);
      if (draft) known.push([post, draft]);
      else {
        unread.push(post);
        if (print !== null) unreadPrints.set(post, print);
      }
    }
    return { known, unread };
  }

  function rememberQuickPrints(scan: ScanResult): void {
    // Bounded: a long scroll would otherwise keep every post of the session.
    if (byQuickPrint.size > 2000) byQuickPrint.clear();
    scan.readings.forEach((draft, index) => {
      const print = unreadPrints.get(scan.sources[index]!);
      if (print !== undefined) byQuickPrint.set(print, draft);
    });
    unreadPrints.clear();
  }

  function postsToRead(): Element[] {
    if (fullScan) {
      fullScan = false;
      addedElements = [];
      changedNodes = [];
      return Array.from(doc.querySelectorAll(adapter.postSelector));
    }
    const posts = new Set<Element>();
    const ours = options.ignoreSelector;
    for (const node of changedNodes) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!element?.isConnected || (ours && element.closest(ours))) continue;
      const post = element.closest(adapter.postSelector);
      if (post) posts.add(post);
    }
    for (const element of addedElements) {
      if (!element.isConnected || (ours && element.closest(ours))) continue;
      const post = element.closest(adapter.postSelector);
      if (post) posts.add(post);
      else for (const inner of element.querySelectorAll(adapter.postSelector)) posts.add(inner);
    }
    addedElements = [];
    changedNodes = [];
    return [...posts];
  }

  function setHealth(next: HealthState): void {
    const changed = next.status !== health.status;
    health = next;
    if (changed) options.onHealth?.(health.status, health.diagnostic);
  }

  function flushFrame(): void {
    timed(() => {
      options.onFrame?.();
      const { known, unread } = quickRead(postsToRead());
      if (known.length + unread.length === 0) return;
      const readAt = now();
      const locale = pageLocale();
      const scan = adapter.scanPosts(unread, { url: new URL(doc.URL), locale, now: readAt });
      const wasPaused = health.status === 'paused';
      // Health is judged on what was read; posts known by their quick print were read before.
      if (unread.length) setHealth(updateHealth(health, scan, locale, readAt, adapter.postSelector));
      if (health.status === 'paused') return;
      rememberQuickPrints(scan);
      for (const [element, draft] of known) {
        scan.sources.push(element);
        scan.readings.push(draft);
      }
      if (wasPaused) {
        // Resumed: posts seen while paused were not kept, so the whole page is read again.
        fullScan = true;
        scheduleFrame();
      }
      const storing = options.shouldStore?.() ?? true;
      scan.readings.forEach((draft, index) => options.onPostRead?.(scan.sources[index]!, draft));
      for (const draft of scan.readings) {
        const key = postKey(draft);
        pageKeys.delete(key);
        pageKeys.set(key, true);
        if (!storing) continue;
        const print = fingerprint(draft);
        if (lastSent.get(key) === print) continue;
        if (!lastSent.has(key)) stats.posts++;
        lastSent.set(key, print);
        outbox.push({ ...draft, readAt });
      }
      if (outbox.length && !sendScheduled) {
        sendScheduled = true;
        setTimer(flushSend, sendDelayMs);
      }
    });
  }

  function flushSend(): void {
    sendScheduled = false;
    if (outbox.length === 0) return;
    timed(() => {
      const batch = outbox;
      outbox = [];
      for (let i = 0; i < batch.length; i += MAX_READINGS_PER_MESSAGE) {
        options.send(batch.slice(i, i + MAX_READINGS_PER_MESSAGE));
        stats.batches++;
      }
    });
  }

  return {
    start() {
      if (observer) return;
      observer = new MutationObserver(onMutations);
      observer.observe(doc, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: adapter.watchAttributes.length > 0,
        ...(adapter.watchAttributes.length ? { attributeFilter: [...adapter.watchAttributes] } : {}),
      });
      fullScan = true;
      scheduleFrame();
      drift.reset();
    },
    stop() {
      observer?.disconnect();
      observer = null;
      drift.stop();
      flushSend();
    },
    rescan() {
      fullScan = true;
      scheduleFrame();
    },
    navigated() {
      pageKeys = new Map();
      health = initialHealth();
      fullScan = true;
      scheduleFrame();
      drift.reset();
    },
    pagePosts: () => [...pageKeys.keys()].reverse(),
    status: () => health.status,
    diagnostic: () => health.diagnostic,
    stats: (): ReaderStats => ({
      ...stats,
      busyMs: busy.ms,
      unsent: outbox.length + addedElements.length + changedNodes.length + (fullScan ? 1 : 0),
    }),
    flushFrame,
    flushSend,
  };
}
