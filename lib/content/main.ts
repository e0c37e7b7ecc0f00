/**
 * What every platform's content script does, wired to the browser: hide counts as the settings
 * say (and as the clock says, for snoozes and schedules), read posts, send readings to the
 * background, answer the popup. Entrypoints only choose the adapter.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ACTED_ATTR, hasActed } from '../hide/acted';
import { labelPost } from '../hide/coarse';
import { OWN_ATTR } from '../hide/css';
import { createFallbackHider } from '../hide/fallback';
import { createDelivery } from './delivery';
import { timerFor } from './scheduling';
import { listenForPeeks } from './peek-input';
import { installLiveHiding } from '../hide/live';
import { installShadowHiding } from '../hide/shadow';
import { watchTitleCount } from '../hide/title';
import type { ContentMessage, WellbeingMessage } from '../messages/page-store';
import type { PagePostsReply, PageRequest, ReaderStats } from '../messages/page-queries';
import type { CardScriptReply } from '../messages/overlay';
import type { CardRenderer } from '../overlay/card';
import { injectedCardRenderer, lazyCardRenderer } from '../overlay/card-loader';
import { createOverlay, OVERLAY_TAG } from '../overlay/overlay';
import type { PlatformAdapter } from '../platforms/types';
import { createPageReader } from '../reader/runner';
import {
  coarseMetrics,
  hiddenMetrics,
  isOwnAuthor,
  isSiteOff,
  nextHidingChange,
  type Settings,
} from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/store';

function send(message: ContentMessage): void {
  // Health reports only: a lost one is sent again when the verdict next changes.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** Loads the detail card's code into this world (lib/overlay/card-loader.ts) and returns its renderer. */
async function loadCardScript(): Promise<CardRenderer> {
  const reply = (await browser.runtime.sendMessage({ type: 'card-script' })) as CardScriptReply | undefined;
  const renderer = injectedCardRenderer();
  if (!reply?.injected || !renderer) throw new Error('the background did not inject card.js');
  return renderer;
}

/** `renderCard` draws the overlay's detail card; by default its code is loaded when the first card opens. */
export function runContentScript(
  ctx: ContentScriptContext,
  adapter: PlatformAdapter,
  renderCard: CardRenderer = lazyCardRenderer(loadCardScript, (error) =>
    console.error('Feedlens: could not load the detail card', error),
  ),
): void {
  const later = timerFor(ctx);
  const hiding = installLiveHiding(document, adapter);
  const shadows = installShadowHiding(document, adapter);
  // The "(3)" before the tab's title goes with the notification badges.
  const titleCount = watchTitleCount(document);
  // The safe rule for counts the hide selectors miss (lib/hide/fallback.ts). If it had to act, the
  // background hears so once hiding is known to be on and the page is parsed, or a moment after it
  // first acts later (so its count means something).
  const reportFallback = () => {
    const report = fallback.report();
    if (report.hidden > 0) send({ type: 'hiding-fallback', platform: adapter.id, ...report });
  };
  let fallbackArranged = false;
  let fallbackReported = false;
  const fallback = createFallbackHider(document, adapter, () => {
    if (fallbackReported) later(reportFallback, 1000);
  });
  const firstFallbackReport = () => {
    fallbackReported = true;
    // Chromium may fire DOMContentLoaded before the observer hears of the last parsed nodes.
    fallback.scanAll();
    reportFallback();
  };
  const overlay = createOverlay({
    adapter,
    document,
    request: (message) => browser.runtime.sendMessage(message).catch(() => undefined),
    setTimer: later,
    renderCard,
  });
  // Readings are kept until the background says they are stored (lib/content/delivery.ts).
  const delivery = createDelivery({
    send: (message) => browser.runtime.sendMessage(message),
    setTimer: later,
  });
  let settings: Settings | null = null;
  let wakeTimer: number | undefined;
  /** "Feedlens off here": the reader is stopped, nothing hidden, no badges (see README). */
  let off = false;

  // "Hide until I act": posts acted on keep their counts for the page's life (lib/hide/acted.ts).
  const untilActed = () => !!settings && settings.hide.untilActed[adapter.id];
  const actedPosts = new Set<string>();
  const actedElements = new WeakSet<Element>();
  const markActed = (element: Element) => {
    actedElements.add(element);
    if (!element.hasAttribute(ACTED_ATTR)) element.setAttribute(ACTED_ATTR, '');
  };
  // A vote inside a shadow root (new Reddit) changes nothing the page observer sees: after a click
  // in a post, look for the site's pressed state for a second's worth of frames.
  const watchAfterClick = (post: Element, frames = 60) => {
    if (hasActed(post, adapter)) markActed(post);
    else if (frames > 0) requestAnimationFrame(() => watchAfterClick(post, frames - 1));
  };
  ctx.addEventListener(document, 'click', (event) => {
    if (off || !untilActed()) return;
    const post = event.composedPath().find((n) => n instanceof Element && n.matches(adapter.postSelector));
    if (post) watchAfterClick(post as Element);
  });
  const hiddenNow = () => (settings ? hiddenMetrics(settings, adapter.id, Date.now()) : []);

  // Today's wellbeing figures (lib/wellbeing/today.ts): posts shown without their counts, each once
  // per page, and peeks, reported to the background every few seconds rather than per post.
  const shownHidden = new Set<string>();
  const unreported = { shownHidden: 0, peeks: 0 };
  let reportScheduled = false;
  const reportWellbeing = () => {
    reportScheduled = false;
    // A page cannot add more than the background believes in one report (page-store.ts).
    const message: WellbeingMessage = {
      type: 'wellbeing',
      shownHidden: Math.min(unreported.shownHidden, 1000),
      peeks: Math.min(unreported.peeks, 1000),
    };
    unreported.shownHidden = unreported.peeks = 0;
    if (message.shownHidden + message.peeks > 0) send(message);
  };
  const countWellbeing = (what: keyof typeof unreported) => {
    unreported[what]++;
    if (!reportScheduled) {
      reportScheduled = true;
      later(reportWellbeing, 3000);
    }
  };
  const peeks = listenForPeeks({
    document,
    postSelector: adapter.postSelector,
    enabled: () => !off && !!settings?.hide.peek && hiddenNow().length > 0,
    onPeek: () => countWellbeing('peeks'),
    addEventListener: (target, type, listener, capture) =>
      ctx.addEventListener(target as Document, type as keyof DocumentEventMap, listener, { capture }),
    setTimer: later,
    clearTimer: (timer) => clearTimeout(timer as number),
  });
  const coarseNow = () => (settings ? coarseMetrics(settings, adapter.id, Date.now()) : []);
  const applySettings = (next: Settings) => {
    settings = next;
    if (isSiteOff(next, adapter.id) !== off) {
      off = !off;
      if (off) reader.stop();
      else reader.start();
    }
    if (off) {
      fallback.setActive(false);
      peeks.end();
      hiding.apply([]);
      titleCount.setActive(false);
      overlay.setSettings({ ...next, overlay: { ...next.overlay, enabled: false } });
      return;
    }
    if (!next.hide.peek || hiddenNow().length === 0) peeks.end();
    fallback.setActive(hiddenNow().length > 0);
    if (hiddenNow().length > 0) {
      fallback.scanAll();
      if (!fallbackArranged) {
        fallbackArranged = true;
        if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', firstFallbackReport);
        else firstFallbackReport();
      }
    }
    titleCount.setActive(hiddenNow().includes('notifications'));
    hiding.apply(hiddenNow(), {
      coarse: coarseNow(),
      actedExempt: untilActed(),
      peek: next.hide.peek,
      ownExempt: next.hide.showOwnPosts && next.accounts[adapter.id].length > 0,
    });
    overlay.setSettings(next);
    // Which posts are the user's own may have changed (and badges may be back): read them again.
    reader.rescan();
    // A snooze ending or a schedule boundary changes what is hidden with no message: wake then.
    if (wakeTimer !== undefined) clearTimeout(wakeTimer);
    const wake = nextHidingChange(next, Date.now());
    if (wake !== null)
      wakeTimer = later(() => settings && applySettings(settings), Math.max(0, wake - Date.now()) + 50);
  };
  const reader = createPageReader({
    adapter,
    document,
    send: (readings) => delivery.add(readings),
    onHealth: (status, diagnostic) =>
      send({ type: 'reader-health', platform: adapter.id, status, ...(diagnostic ? { diagnostic } : {}) }),
    setTimer: later,
    setDriftTimer: later,
    onFrame: () => hiding.ensureInstalled(),
    onAdded: (elements) => {
      shadows?.added(elements);
      fallback.added(elements);
    },
    onChanged: (nodes) => fallback.changed(nodes),
    onPostRead: (element, reading) => {
      if (off) return; // a frame already scheduled when the site was switched off
      const own = !!settings && isOwnAuthor(settings, adapter.id, reading.author);
      if (element.hasAttribute(OWN_ATTR) !== own) element.toggleAttribute(OWN_ATTR, own);
      labelPost(element, adapter, reading.counts, coarseNow());
      const key = `${reading.postId}`;
      const acted = untilActed() && (actedPosts.has(key) || actedElements.has(element) || hasActed(element, adapter));
      if (acted) {
        actedPosts.add(key);
        markActed(element);
      } else if (element.hasAttribute(ACTED_ATTR)) element.removeAttribute(ACTED_ATTR);
      // Cheapest test first: a post already counted (most re-reads) costs one lookup, not the
      // settings' schedule check.
      const shownAnyway = acted || (own && !!settings?.hide.showOwnPosts);
      if (!shownHidden.has(key) && !shownAnyway && hiddenNow().length > 0) {
        shownHidden.add(key);
        countWellbeing('shownHidden');
      }
      overlay.postRead(element, reading);
    },
    ignoreSelector: OVERLAY_TAG,
    // Storing posts where counts are hidden is the user's choice (on by default); nothing is stored
    // before the settings are known (their arrival re-reads the page).
    shouldStore: () => !!settings && !off && (settings.hide.keepReading || hiddenNow().length === 0),
  });
  reader.start();
  void loadSettings().then(applySettings);
  const stopListening = onSettingsChanged(applySettings);
  ctx.addEventListener(window, 'wxt:locationchange', () => !off && reader.navigated());

  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const type = (message as Partial<PageRequest> | null)?.type;
    if (type === 'page-posts') {
      const keys = off ? [] : reader.pagePosts();
      const reply: PagePostsReply = { platform: adapter.id, keys, status: reader.status() };
      const diagnostic = reader.diagnostic();
      if (diagnostic) reply.diagnostic = diagnostic;
      sendResponse(reply);
    } else if (type === 'reader-stats') {
      const stats: ReaderStats = { ...reader.stats(), overlay: overlay.stats(), delivery: delivery.stats() };
      sendResponse(stats);
    }
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    reader.stop();
    delivery.stop();
    overlay.stop();
    titleCount.stop();
    stopListening();
    browser.runtime.onMessage.removeListener(onMessage);
  });
}
