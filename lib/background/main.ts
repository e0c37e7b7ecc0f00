/**
 * The background, wired to the browser: validates what content scripts send, writes it to the
 * store in batches, keeps the pre-load hide stylesheets registered as the settings say, and records
 * reading health and storage failures for the popup. Each part does one job in its own file; this
 * one only connects them.
 */
import { browser } from 'wxt/browser';
import { loadSettings, onSettingsChanged } from '../settings/store';
import { connectionCache } from '../storage/db';
import { listenForToggleCommand } from './commands';
import { openWelcomeOnInstall } from './first-run';
import { startDataServices } from './data';
import { createHidingSync } from './hiding-sync';
import { browserHidingTriggers, listenForHidingTriggers } from './hiding-triggers';
import { createIngestQueue } from './ingest-queue';
import { createKnownSites, hostAllowed } from './known-sites';
import { createPageMessageListener } from './page-messages';
import { listenForPostStats } from './post-stats';
import { createCardScriptListener } from './card-script';
import { createReadingsInbox } from './readings-inbox';
import { startRetentionJob } from './retention-job';
import { createSiteStatusRecorder, createStorageStatusTracker } from './site-status';
import { startToolbarState } from './toolbar-state';
import { createWellbeingRecorder } from './wellbeing';
import { onStoreGenerationChanged } from './status-store';

export function runBackground(): void {
  const getDb = connectionCache();
  const storageStatus = createStorageStatusTracker();
  const queue = createIngestQueue({
    getDb,
    onWritten: storageStatus.written,
    onError: storageStatus.failed,
    makeRoom: (error) => data.makeRoom(error),
  });
  const invalidate = () => queue.invalidate();
  // Import, deletion, retention by age and making room when storage is full.
  const data = startDataServices({ getDb, hostAllowed, invalidate });
  // Thinning old snapshots, and an import from the settings page, rewrite post records: the
  // ingest queue's cache starts afresh.
  startRetentionJob(getDb, { onRun: invalidate });
  onStoreGenerationChanged(invalidate);

  const sites = createKnownSites();
  // Today's wellbeing figures: posts shown without counts, peeks, snoozes (never exported).
  const wellbeing = createWellbeingRecorder(browser.storage.local, Number.POSITIVE_INFINITY);
  void loadSettings().then((settings) => wellbeing.settingsChanged(settings));
  onSettingsChanged((settings) => wellbeing.settingsChanged(settings));
  browser.runtime.onMessage.addListener(
    createPageMessageListener({
      extensionId: browser.runtime.id,
      adapterFor: sites.adapterFor,
      takeReadings: createReadingsInbox({ push: (readings) => queue.push(readings), hostAllowed }),
      ...createSiteStatusRecorder(),
      wellbeing: (message) => wellbeing.report(message),
    }),
  );
  listenForToggleCommand(sites.adapterFor);
  // The overlay's questions: stats of the posts on a page, a post's history.
  listenForPostStats({ getDb, flush: () => queue.flush(), adapterFor: sites.adapterFor });
  browser.runtime.onMessage.addListener(
    createCardScriptListener({
      extensionId: browser.runtime.id,
      adapterFor: sites.adapterFor,
      inject: async ({ tabId, frameId }) => {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/card.js'] });
      },
    }),
  );
  // Each tab's toolbar button shows whether Feedlens reads, hides or paused there.
  startToolbarState(sites.adapterFor);

  const syncHiding = createHidingSync({ beforeSync: sites.syncRegistration, matchesFor: sites.matchesFor });
  listenForHidingTriggers({ ...browserHidingTriggers(), syncHiding, refreshSites: sites.refresh });
  openWelcomeOnInstall();
}
