/**
 * The background, wired to the browser: validates what content scripts send, writes it to the
 * store in batches, keeps the pre-load hide stylesheets registered as the settings say, and records
 * reading health and storage failures for the popup.
 */
import { browser } from 'wxt/browser';
import { validateHealthMessage, validateReadingsMessage, type HostCheck } from '../messages';
import { applyHideRegistrations, desiredHideRegistrations } from '../hide/registration';
import { ADAPTERS, adapterById, adapterForUrl, hostMatches } from '../platforms/registry';
import { loadSettings, onSettingsChanged } from '../settings-store';
import { connectionCache } from '../storage/db';
import { createIngestQueue } from './ingest-queue';
import { describeStorageError, saveSiteHealth, saveStorageStatus } from './status-store';

const hostAllowed: HostCheck = (platform, host) => {
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
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts, and only from a page of a supported site, are listened to.
    if (sender.id !== browser.runtime.id) return;
    const adapter = adapterForUrl(sender.url ?? sender.tab?.url);
    if (!adapter) return;
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'readings') {
      const valid = validateReadingsMessage(message, adapter.id, Date.now(), hostAllowed);
      if (valid?.readings.length) queue.push(valid.readings);
    } else if (type === 'reader-health') {
      const health = validateHealthMessage(message, adapter.id);
      if (health) {
        void saveSiteHealth(adapter.id, {
          status: health.status,
          at: Date.now(),
          ...(health.diagnostic ? { diagnostic: health.diagnostic } : {}),
        });
      }
    }
  });

  // Registration calls are chained: two overlapping updates could register one id twice.
  let syncing: Promise<void> = Promise.resolve();
  const syncHiding = () => {
    syncing = syncing
      .then(async () => applyHideRegistrations(desiredHideRegistrations(await loadSettings(), ADAPTERS)))
      .catch((error: unknown) => console.error('Feedlens: could not register hiding styles', error));
    return syncing;
  };
  browser.runtime.onInstalled.addListener(() => void syncHiding());
  browser.runtime.onStartup.addListener(() => void syncHiding());
  onSettingsChanged(() => void syncHiding());
}
