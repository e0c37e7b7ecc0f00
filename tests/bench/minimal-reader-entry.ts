/**
 * The floor for a reader that stores (bench only, loaded as a tiny extension's content script by
 * minimal-extension.ts): one MutationObserver, and once per frame every post on the page is found,
 * its permalink and action-bar label read, and the new or changed ones sent in one message.
 * Nothing is parsed, drawn or hidden. The site's selectors come from the workload (feeds.ts).
 */
declare const chrome: { runtime: { sendMessage(message: object): Promise<unknown> } };

interface Site {
  post: string;
  /** The permalink: an attribute of the post, or of the first element matching `link`. */
  link: string | null;
  linkAttr: string;
  /** The action-bar label: an attribute of the post, or of the first element matching `label`. */
  label: string | null;
  labelAttr: string;
}

const SITES: Record<string, Site> = {
  'x.com': {
    post: 'article[data-testid="tweet"]',
    link: 'a[href*="/status/"]',
    linkAttr: 'href',
    label: '[role="group"]',
    labelAttr: 'aria-label',
  },
  'www.youtube.com': {
    post: 'ytd-rich-item-renderer',
    link: '#video-title-link',
    linkAttr: 'href',
    label: '#video-title-link',
    labelAttr: 'aria-label',
  },
  'www.reddit.com': { post: 'shreddit-post', link: null, linkAttr: 'permalink', label: null, labelAttr: 'score' },
};

const site = SITES[location.hostname];
if (site) {
  const sent = new Map<string, string>();
  let scheduled = false;
  const read = () => {
    scheduled = false;
    const batch: [string, string][] = [];
    for (const post of document.querySelectorAll(site.post)) {
      const link = (site.link ? post.querySelector(site.link) : post)?.getAttribute(site.linkAttr);
      const label = (site.label ? post.querySelector(site.label) : post)?.getAttribute(site.labelAttr) ?? '';
      if (!link || sent.get(link) === label) continue;
      sent.set(link, label);
      batch.push([link, label]);
    }
    if (!batch.length) return;
    void chrome.runtime.sendMessage({ type: 'minimal-readings', batch }).catch(() => undefined);
    // Tells the bench the reader has run (once: it is not part of what is measured).
    if (!document.documentElement.hasAttribute('data-minimal-reader'))
      document.documentElement.setAttribute('data-minimal-reader', '');
  };
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => setTimeout(read, 0));
  }).observe(document, { childList: true, subtree: true });
}
