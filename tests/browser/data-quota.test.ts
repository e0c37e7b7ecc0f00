/**
 * A full disk, in Chromium with the built extension: the extension origin's quota is shrunk
 * (CDP `Storage.overrideQuotaForOrigin`) until the browser refuses writes; new readings then make
 * the background delete what the user's retention allows (posts not seen for 30 days), retry the
 * refused batch and tell the user what was deleted; the tab keeps the readings until they are stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_START_MS } from '../../lib/background/data-retention';
import { defaultSettings } from '../../lib/settings/settings';
import type { PostRecord } from '../../lib/storage/db';
import { writeExportFile } from '../export-file';
import { launch, waitFor, type Harness } from './harness';

const DAY = 24 * 3600 * 1000;
const OLD_POSTS = 1500;

let harness: Harness;
let dir: string;
let cdp: CDPSession;
let origin: string;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feedlens-quota-'));
  harness = await launch();
  page = await harness.extensionPage('options.html');
  cdp = await harness.context.newCDPSession(page);
  origin = `chrome-extension://${harness.extensionId}`;
});
afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

const local = <T>(key: string) =>
  harness.serviceWorker.evaluate(`chrome.storage.local.get('${key}').then((r) => r['${key}'])`) as Promise<
    T | undefined
  >;

const usage = async () => (await cdp.send('Storage.getUsageAndQuota', { origin })).usage;

/** Tries to write 20 KB to a scratch database of the extension's origin: whether the browser allowed it. */
const probeWrite = () =>
  page.evaluate(`new Promise((resolve) => {
    const open = indexedDB.open('feedlens-quota-probe', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s', { autoIncrement: true });
    open.onsuccess = () => {
      const tx = open.result.transaction('s', 'readwrite');
      tx.objectStore('s').put('x'.repeat(20000) + Math.random());
      tx.oncomplete = () => { open.result.close(); resolve(true); };
      tx.onabort = () => { open.result.close(); resolve(tx.error && tx.error.name === 'QuotaExceededError' ? false : true); };
    };
  })`) as Promise<boolean>;

describe('when storage is full', () => {
  it('deletes what my retention allows, saves the new readings and tells me', { timeout: 700_000 }, async () => {
    // In force before the store's first write, so the browser's cached allowance never predates it.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 200 * 1024 * 1024 });
    const chosen = Date.now();
    await harness.saveSettings({ ...defaultSettings(), keepPostsDays: 30 });
    // The clean-ups after the worker started and after the choice have run (nothing was old yet):
    // the next is six hours away.
    const started = (await harness.serviceWorker.evaluate('performance.timeOrigin')) as number;
    await waitFor(
      async () => {
        const at = (await local<{ at: number }>('lastCleanup'))?.at ?? 0;
        return at > chosen && at >= started + AFTER_START_MS;
      },
      'the clean-ups',
      60_000,
    );

    // Posts last seen more than 90 days ago, imported after that clean-up.
    const path = join(dir, 'old.json');
    await writeExportFile(path, { posts: OLD_POSTS, perPost: 10, now: Date.now() - 90 * DAY });
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByText(/Imported 1,500 posts .* the next cleanup deletes them/).waitFor({ timeout: 120_000 });

    // The disk is full: a few KB more than is used, and the browser's cached allowance spent.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage()) + 4096 });
    await waitFor(async () => !(await probeWrite()), 'the browser to refuse writes', 180_000);

    // New readings arrive: refused, and room is made within the retention.
    const { page: tab, tabId } = await harness.openTab('https://x.com/home');
    const made = await waitFor(
      async () => ((await local<{ text: string }[]>('dataNotices')) ?? []).find((n) => /To make room/.test(n.text)),
      'the notice of what was deleted to make room',
      // Deleting 16,500 records competes with the page for two loaded cores.
      180_000,
    );
    expect(made.text).toMatch(
      /^The browser’s storage for Feedlens was full\. To make room, Feedlens deleted 1,500 posts not seen for 30 days, with 15,000 snapshots \(your “Keep posts” choice\), and tried the refused write again\.$/,
    );
    expect(
      (await harness.storeContents<PostRecord>('posts')).filter((p) => p.lastSeenAt < Date.now() - 30 * DAY),
    ).toEqual([]);
    // Chromium's IndexedDB (LevelDB) gives deleted records' disk space back only at its next
    // compaction: on a loaded machine the origin's usage stayed 1.4 MB above the quota for minutes
    // after the deletion, and the retried write was refused again. The browser giving the space
    // back is played here by the quota: the readings kept in the tab must then be saved by
    // themselves, without reload (the tab resends every 30 s at most, lib/content/delivery.ts).
    expect((await harness.readerStats(tabId)).delivery?.dropped).toBe(0);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage()) + 1024 * 1024 });
    await waitFor(
      async () => (await harness.storeContents<PostRecord>('posts')).some((p) => p.key === 'x:1858979112345600001'),
      'the new readings to be saved',
      120_000,
    );
    // What was deleted stays the first thing said, however often the write was refused meanwhile.
    const notices = ((await local<{ text: string }[]>('dataNotices')) ?? []).map((n) => n.text);
    expect(notices.filter((text) => /To make room/.test(text))).toHaveLength(1);
    expect(notices.filter((text) => /nothing could be freed/.test(text))).toEqual([]);
    // The settings page says so too.
    await page.reload();
    await page.getByText(/To make room, Feedlens deleted 1,500 posts/).waitFor({ timeout: 30_000 });
    await tab.close();
  });
});
