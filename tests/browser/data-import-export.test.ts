/**
 * Import and export of a large file (tens of MB) through the settings page, in Chromium with the
 * built extension: progress with counts, Cancel, the file input disabled while running, refusals
 * that change nothing, settings restored only when asked, and the page's main thread never held
 * (its longest task measured from a trace, in thread time, which a loaded machine does not stretch).
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostRecord } from '../../lib/storage/db';
import { writeExportFile, type GeneratedFile } from '../export-file';
import { launch, waitFor, type Harness } from './harness';
import { longestTasks } from './trace';

const POSTS = 6000;
/** Thread time the settings page's longest task may take (the target: never frozen). */
const MAX_TASK_MS = 200;
/** A large import takes tens of seconds on a loaded 2-core machine. */
const LONG = 240_000;

let harness: Harness;
let dir: string;
let big: GeneratedFile;
let bigPath: string;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feedlens-import-'));
  bigPath = join(dir, 'big.json');
  big = await writeExportFile(bigPath, { posts: POSTS, perPost: 10, settings: { accounts: { x: ['grace'] } } });
  harness = await launch();
  page = await harness.extensionPage('options.html');
  await page.locator('input[type=file]').waitFor();
});
afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Records in a store of the extension's IndexedDB, counted in the service worker. */
function count(store: 'posts' | 'snapshots'): Promise<number> {
  return harness.serviceWorker.evaluate(
    `new Promise((resolve, reject) => {
      const open = indexedDB.open('feedlens');
      open.onsuccess = () => {
        const request = open.result.transaction('${store}').objectStore('${store}').count();
        request.onsuccess = () => { open.result.close(); resolve(request.result); };
        request.onerror = () => reject(request.error);
      };
      open.onerror = () => reject(open.error);
    })`,
  ) as Promise<number>;
}

const settingsStored = () =>
  harness.serviceWorker.evaluate(`chrome.storage.sync.get('settings').then((r) => r.settings)`) as Promise<
    { accounts?: { x?: string[] } } | undefined
  >;

const importStatus = () => page.locator('.import');
const input = () => page.locator('input[type=file]');

async function waitForText(pattern: RegExp, what: string, timeout = LONG): Promise<string> {
  return waitFor(
    async () => {
      const text = (await importStatus().textContent()) ?? '';
      return pattern.test(text) && text;
    },
    what,
    timeout,
  );
}

describe('import and export of a large file', () => {
  it('cancels an import while it is being checked, changing nothing', { timeout: LONG }, async () => {
    expect(big.bytes).toBeGreaterThan(20 * 1024 * 1024);
    await input().setInputFiles(bigPath);
    await waitForText(/Checking the file: \d+ MB of \d+ MB read, [\d,]+ posts and [\d,]+ snapshots so far/, 'progress');
    expect(await input().isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await waitForText(/Import cancelled; nothing was changed\./, 'the cancel');
    expect(await count('posts')).toBe(0);
    expect(await input().isDisabled()).toBe(false);
  });

  it('imports it with progress in counts, keeping the page responsive', { timeout: LONG }, async () => {
    const seen: string[] = [];
    const tasks = await longestTasks(page, async () => {
      await input().setInputFiles(bigPath);
      seen.push(await waitForText(/Checking the file: .* so far/, 'checking progress'));
      expect(await input().isDisabled()).toBe(true);
      seen.push(await waitForText(/Saving [\d,]+ of 6,000 posts \([\d,]+ of 60,000 snapshots\)/, 'saving progress'));
      seen.push(await waitForText(/Imported 6,000 posts and 60,000 snapshots\./, 'the import to finish'));
    });
    expect(seen).toHaveLength(3);
    expect(await count('posts')).toBe(POSTS);
    expect(await count('snapshots')).toBe(big.snapshots);
    expect(await input().isDisabled()).toBe(false);
    // The settings in the file are not restored unless asked for.
    expect((await settingsStored())?.accounts?.x ?? []).toEqual([]);
    expect(tasks.threadMs).toBeLessThan(MAX_TASK_MS);
    await page.locator('.storage-used[data-posts="6000"]').waitFor({ timeout: 30_000 });
  });

  it('exports everything with progress and the settings, keeping the page responsive', { timeout: LONG }, async () => {
    const download = page.waitForEvent('download', { timeout: LONG });
    let progress = '';
    const tasks = await longestTasks(page, async () => {
      await page.getByRole('button', { name: 'Export all data' }).click();
      progress = await waitFor(
        async () => {
          const text = (await page.locator('.export').textContent()) ?? '';
          return /Exporting [\d,]+ of (6,000 posts|60,000 snapshots)…/.test(text) && text;
        },
        'export progress',
        LONG,
      );
      await download;
    });
    expect(progress).toMatch(/Exporting/);
    await page.getByText('Exported 6,000 posts and 60,000 snapshots.').waitFor();
    const file = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(file).toMatchObject({ format: 'feedlens-export', version: 1 });
    expect(file.posts).toHaveLength(POSTS);
    expect(file.snapshots).toHaveLength(big.snapshots);
    expect(file.settings.accounts.x).toEqual([]);
    expect(file.settings.hide).toBeDefined();
    const stored = (await harness.storeContents<PostRecord>('posts')).find((p) => p.key === file.posts[0].key);
    expect(file.posts[0]).toEqual(stored);
    expect(tasks.threadMs).toBeLessThan(MAX_TASK_MS);
  });

  it('refuses a file damaged at its end, saying where, and changes nothing', { timeout: LONG }, async () => {
    const text = readFileSync(bigPath, 'utf8');
    // The last snapshot's counts become a single negative like count.
    const damaged = `${text.slice(0, text.lastIndexOf('"counts":'))}"counts":{"likes":{"precision":"exact","value":-4}}}]}`;
    const path = join(dir, 'damaged.json');
    writeFileSync(path, damaged);
    await input().setInputFiles(path);
    await waitForText(/Snapshot 60000 in the file/, 'the refusal');
    await expect(importStatus().getByRole('alert').textContent()).resolves.toMatch(
      /^Snapshot 60000 in the file has counts no site shows .*; nothing was imported\.$/,
    );
    expect(await count('posts')).toBe(POSTS);
    expect(await count('snapshots')).toBe(big.snapshots);
  });

  it('refuses a file over the size limit, and one that is not text, before reading them', async () => {
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 1100 * 1024 * 1024); // sparse: takes no disk space
    await input().setInputFiles(huge);
    await waitForText(/This file is 1,100 MB; Feedlens imports files up to 1,024 MB/, 'the size refusal', 30_000);
    const binary = join(dir, 'picture.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47]));
    await input().setInputFiles(binary);
    await waitForText(/This file is not text \(UTF-8\)/, 'the refusal of a binary file', 30_000);
    expect(await count('posts')).toBe(POSTS);
  });

  it('restores the settings in a file only when asked to', { timeout: LONG }, async () => {
    const path = join(dir, 'small.json');
    await writeExportFile(path, {
      posts: 20,
      perPost: 2,
      settings: { accounts: { x: ['grace'] }, peers: { x: ['ada'] } },
    });
    await page.getByLabel(/Also restore the settings in the file/).check();
    await input().setInputFiles(path);
    await waitForText(/Imported 20 posts and 40 snapshots\. Your settings were restored from the file\./, 'the import');
    expect(await settingsStored()).toMatchObject({ accounts: { x: ['grace'] }, peers: { x: ['ada'] } });
  });
});
