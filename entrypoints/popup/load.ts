/** What the popup needs, gathered from the active tab, its content script and the store. */
import { browser } from 'wxt/browser';
import { loadHealth, loadStorageStatus, type SiteHealth, type StorageStatus } from '@/lib/background/status-store';
import { grantedInstances, mastodonOfferHost } from '@/lib/settings/mastodon-instances';
import type { PagePostsReply } from '@/lib/messages/page-queries';
import { adapterForUrl } from '@/lib/platforms/registry';
import type { PlatformAdapter } from '@/lib/platforms/types';
import type { FeedlensDatabase, PostRecord } from '@/lib/storage/db';
import { postsByKeys } from '@/lib/storage/queries';

export type PopupData =
  /** `offerHost`: an https site that may be the user's Mastodon server (offered to add). */
  | { kind: 'unsupported'; offerHost?: string }
  /** A supported site whose tab has no Feedlens content script yet (opened before install). */
  | { kind: 'not-connected'; adapter: PlatformAdapter }
  | {
      kind: 'page';
      adapter: PlatformAdapter;
      reply: PagePostsReply;
      posts: PostRecord[];
      storage?: StorageStatus;
      /** What the background keeps about the site (whether hiding fell back to the safe rule). */
      site?: SiteHealth;
    };

/**
 * The tab the popup is about: the one named by `?tabId=` when the popup was popped out into its
 * own window (so it can stay open beside the feed), else the active tab.
 */
export async function targetTab(search: string = location.search): Promise<{ id?: number; url?: string }> {
  const pinned = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(pinned) && pinned > 0) {
    try {
      const tab = await browser.tabs.get(pinned);
      return { id: tab.id, url: tab.url };
    } catch {
      return {};
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

/** Opens the popup in a small window of its own that keeps following `tabId`. */
export function popOut(tabId: number): void {
  void browser.windows.create({
    url: browser.runtime.getURL(`/popup.html?tabId=${tabId}`),
    type: 'popup',
    width: 420,
    height: 640,
  });
}

export async function loadPopupData(db: FeedlensDatabase, tab: { id?: number; url?: string }): Promise<PopupData> {
  // Mastodon servers the user added count as Mastodon.
  const mastodon = await grantedInstances().catch(() => []);
  const adapter = adapterForUrl(tab.url, { mastodon });
  if (!adapter || tab.id === undefined) {
    const offerHost = tab.id === undefined ? null : mastodonOfferHost(tab.url);
    return offerHost ? { kind: 'unsupported', offerHost } : { kind: 'unsupported' };
  }
  let reply: PagePostsReply | undefined;
  try {
    reply = (await browser.tabs.sendMessage(tab.id, { type: 'page-posts' })) as PagePostsReply | undefined;
  } catch {
    reply = undefined;
  }
  if (!reply || !Array.isArray(reply.keys)) return { kind: 'not-connected', adapter };
  const [posts, storage, health] = await Promise.all([postsByKeys(db, reply.keys), loadStorageStatus(), loadHealth()]);
  const site = health[adapter.id];
  return { kind: 'page', adapter, reply, posts, ...(storage ? { storage } : {}), ...(site ? { site } : {}) };
}
