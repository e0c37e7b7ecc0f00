/**
 * The unread count sites put before a tab's title ("(3) Home / X", "(12) Feed | LinkedIn",
 * "(9+) YouTube"): hidden with the notification counts. Twitter Demetricator and Mindback strip the
 * same prefix. CSS cannot reach a title, so the content script rewrites it, and puts the site's own
 * title back when notifications are shown again.
 */

const COUNT_PREFIX = /^\(\d[\d.,\s\u00a0\u202f]*\+?\)\s*/;

/** The title without its leading "(N) ". */
export function titleWithoutCount(title: string): string {
  return title.replace(COUNT_PREFIX, '');
}

export interface TitleCount {
  /** Strips the count from now on (true), or gives the page its own title back (false). */
  setActive(active: boolean): void;
  stop(): void;
}

/**
 * Watches `<title>` alone (its text, and `<head>`'s children in case the page replaces the
 * element): the feed's single page observer never looks at titles, and this one sees only the rare
 * title changes.
 */
export function watchTitleCount(doc: Document): TitleCount {
  let active = false;
  /** The title as the page last set it, count included. */
  let pageTitle: string | null = null;
  let ours: string | null = null;
  let observer: MutationObserver | null = null;
  let observedTitle: Element | null = null;

  const strip = () => {
    const now = doc.title;
    if (now !== ours) pageTitle = now;
    const stripped = titleWithoutCount(now);
    if (stripped !== now) {
      ours = stripped;
      doc.title = stripped;
    }
  };
  const observe = () => {
    observer?.disconnect();
    observer = new MutationObserver(() => {
      if (!active) return;
      // A new <title> element (some apps replace it): watch that one from now on.
      if (doc.querySelector('title') !== observedTitle) observe();
      strip();
    });
    if (doc.head) observer.observe(doc.head, { childList: true });
    observedTitle = doc.querySelector('title');
    if (observedTitle) observer.observe(observedTitle, { childList: true, characterData: true, subtree: true });
  };

  return {
    setActive(next) {
      if (next === active) return;
      active = next;
      if (active) {
        if (doc.readyState === 'loading')
          doc.addEventListener('DOMContentLoaded', () => active && (observe(), strip()), { once: true });
        observe();
        strip();
      } else {
        observer?.disconnect();
        observer = null;
        // Only where the title is still the one we wrote: a title the page set since stays.
        if (pageTitle !== null && doc.title === ours) doc.title = pageTitle;
        ours = null;
      }
    },
    stop() {
      observer?.disconnect();
      observer = null;
    },
  };
}
