/**
 * The background, wired to the browser: validates what content scripts send, writes it to the
 * store in batches, keeps the pre-load hide stylesheets registered as the settings say, and records
 * reading health and storage failures for the popup.
 */
import { browser } from 'wxt/browser';
import { validateFallbackMessage, validateHealthMessage, type ReadingsReply } from '../messages/page-store';
import { type HostCheck } from '../messages/reading';
import {
  adoptGrantedOrigins,
  grantedInstances,
  instanceMatches,
  onInstancesChanged,
  syncMastodonRegistration,
} from '../settings/mastodon-instances';
import { adapterById, adapterForUrl, hostMatches } from '../platforms/registry';
import type { PlatformAdapter } from '../platforms/types';
import { onSettingsChanged } from '../settings/store';
import { connectionCache } from '../storage/db';
import { listenForToggleCommand } from './commands';
import { openWelcomeOnInstall } from './first-run';
import { startDataServices } from './data';
import { createHidingSync } from './hiding-sync';
import { createIngestQueue } from './ingest-queue';
import { listenForPostStats } from './post-stats';
import { createReadingsInbox } from './readings-inbox';
import { startRetentionJob } from './retention-job';
import {
  STORE_GENERATION_KEY,
  describeStorageError,
  saveHidingFallback,
  saveSiteHealth,
  saveStorageStatus,
} from './status-store';

const hostAllowed: HostCheck = (platform, host) => {
  // A Mastodon post is keyed by its address on the server it was published on, which can be any
  // server (not only the one being read), so any https host is a valid Mastodon permalink.
  if (platform === 'mastodon') return true;
  const adapter = adapterById(platform);
  return !!adapter && hostMatches(adapter, host);
};

export function runBackground(): void {
  const getDb = connectionCache();
  let failing = false;
  let lost = 0;
  const queue = createIngestQueue({
    getDb,
    onWritten() {
      if (!failing) return;
      failing = false;
      lost = 0;
      void saveStorageStatus(undefined);
    },
    onError(error, count) {
      failing = true;
      lost += count;
      void saveStorageStatus({ error: describeStorageError(error), lost, at: Date.now() });
    },
    makeRoom: (error) => data.makeRoom(error),
  });
  // Import, deletion, retention by age and making room when storage is full (lib/background/data.ts).
  const data = startDataServices({ getDb, hostAllowed, invalidate: () => queue.invalidate() });

  // Thins old snapshots after start-up and after readings (lib/storage/retention.ts). It rewrites
  // post records, as an import does (from the settings page), so the ingest cache starts afresh.
  startRetentionJob(getDb, { onRun: () => queue.invalidate() });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && STORE_GENERATION_KEY in changes) queue.invalidate();
  });

  // The Mastodon servers the user added and still allows (lib/mastodon-instances.ts), kept in memory
  // for the sender check; `instancesLoaded` settles once the worker has read them after waking up.
  let mastodonHosts: string[] = [];
  let instancesLoaded: Promise<void> = Promise.resolve();

  // Readings are answered once committed; the content script resends what was not (lib/content/delivery.ts).
  const readingsInbox = createReadingsInbox({ push: (readings) => queue.push(readings), hostAllowed });

  const handleHealth = (adapter: PlatformAdapter, message: unknown) => {
    const health = validateHealthMessage(message, adapter.id);
    if (health) {
      void saveSiteHealth(adapter.id, {
        status: health.status,
        at: Date.now(),
        ...(health.diagnostic ? { diagnostic: health.diagnostic } : {}),
      });
    }
  };

  const handleFallback = (adapter: PlatformAdapter, message: unknown) => {
    const fallback = validateFallbackMessage(message, adapter.id);
    if (fallback) void saveHidingFallback(adapter.id, fallback, Date.now());
  };

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    // Only our own content scripts, and only from a page of a supported site, are listened to.
    if (sender.id !== browser.runtime.id) return;
    const type = (message as { type?: unknown } | null)?.type;
    if (type !== 'readings' && type !== 'reader-health' && type !== 'hiding-fallback') return;
    const url = sender.url ?? sender.tab?.url;
    // Maybe a Mastodon server the user added: known once the list is loaded.
    const known = adapterForUrl(url);
    const adapter = known
      ? Promise.resolve(known)
      : instancesLoaded.then(() => adapterForUrl(url, { mastodon: mastodonHosts }));
    if (type === 'reader-health' || type === 'hiding-fallback') {
      const handle = type === 'reader-health' ? handleHealth : handleFallback;
      void adapter.then((found) => found && handle(found, message));
      return;
    }
    adapter
      .then((found) => readingsInbox(message, found?.id))
      .then(sendResponse, (error: unknown) => {
        console.error('Feedlens: could not take readings', error);
        sendResponse({ stored: false } satisfies ReadingsReply);
      });
    return true;
  });

  const syncHiding = createHidingSync({
    // Added Mastodon servers get the Mastodon content script and hide stylesheets too.
    beforeSync: async () => {
      mastodonHosts = await syncMastodonRegistration().catch((error: unknown) => {
        console.error('Feedlens: could not register the Mastodon content script', error);
        return mastodonHosts;
      });
    },
    matchesFor: (a) => (a.id === 'mastodon' ? [...a.matches, ...instanceMatches(mastodonHosts)] : a.matches),
  });
  listenForToggleCommand(async (url) => {
    await instancesLoaded;
    return adapterForUrl(url, { mastodon: mastodonHosts });
  });
  // The overlay's questions: stats of the posts on a page, a post's history (lib/background/post-stats.ts).
  listenForPostStats({
    getDb,
    flush: () => queue.flush(),
    adapterFor: async (url) => {
      await instancesLoaded;
      return adapterForUrl(url, { mastodon: mastodonHosts });
    },
  });
  const refreshInstances = () => {
    instancesLoaded = grantedInstances()
      .then((hosts) => {
        mastodonHosts = hosts;
      })
      .catch((error: unknown) => console.error('Feedlens: could not read the Mastodon servers', error));
  };
  refreshInstances();
  browser.runtime.onInstalled.addListener(() => void syncHiding());
  openWelcomeOnInstall();
  browser.runtime.onStartup.addListener(() => void syncHiding());
  onSettingsChanged(() => void syncHiding());
  // A server added or removed, or its permission granted or revoked in the browser's settings.
  const instancesChanged = () => {
    refreshInstances();
    void syncHiding();
  };
  onInstancesChanged(instancesChanged);
  browser.permissions.onAdded.addListener((added) => {
    // Kept here too: the popup that asked may have closed before the answer came.
    void adoptGrantedOrigins(added.origins ?? []).finally(instancesChanged);
  });
  browser.permissions.onRemoved.addListener(instancesChanged);
}
