/**
 * Your data, in Chromium with the built extension: how much is stored, deleting one post (from the
 * dashboard), one site or everything (from the settings page), each only after a confirmation that
 * offers a backup first, and a retention the user picks, applied by the background and reported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostRecord, SnapshotRecord } from '../../lib/storage/db';
import { launch, waitFor, type Harness } from './harness';

const DAY = 24 * 3600 * 1000;
const NOW = Date.now();

function post(platform: 'x' | 'reddit', id: string, lastSeenAt: number, author = 'ada') {
  const url = platform === 'x' ? `https://x.com/${author}/status/${id}` : `https://www.reddit.com/r/a/comments/${id}/`;
  const postId = platform === 'x' ? id : `t3_${id}`;
  const latest = { likes: { precision: 'exact', value: 10 } };
  return {
    post: {
      key: `${platform}:${postId}`,
      platform,
      postId,
      url,
      author,
      firstSeenAt: lastSeenAt - 1000,
      lastSeenAt,
      lastSnapshotAt: lastSeenAt,
      latest,
    },
    snapshots: [
      { post: `${platform}:${postId}`, at: lastSeenAt - 1000, counts: { likes: { precision: 'exact', value: 9 } } },
      { post: `${platform}:${postId}`, at: lastSeenAt, counts: latest },
    ],
  };
}

const seed = [
  post('x', '101', NOW - DAY),
  post('x', '102', NOW - 2 * DAY, 'grace'),
  post('x', '103', NOW - 100 * DAY),
  post('reddit', 'r1', NOW - DAY),
  post('reddit', 'r2', NOW - 3 * DAY),
];

let harness: Harness;
let dir: string;
let seedPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feedlens-delete-'));
  seedPath = join(dir, 'seed.json');
  writeFileSync(
    seedPath,
    JSON.stringify({
      format: 'feedlens-export',
      version: 1,
      posts: seed.map((s) => s.post),
      snapshots: seed.flatMap((s) => s.snapshots),
    }),
  );
  harness = await launch();
});
afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

const keys = async () => (await harness.storeContents<PostRecord>('posts')).map((p) => p.key).sort();
const snapshotPosts = async () =>
  [...new Set((await harness.storeContents<SnapshotRecord>('snapshots')).map((s) => s.post))].sort();

async function settingsPage(): Promise<Page> {
  const page = await harness.extensionPage('options.html');
  await page.locator('input[type=file]').waitFor();
  return page;
}

async function importSeed(page: Page): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(seedPath);
  await page.getByText(/Imported 5 posts and 10 snapshots\./).waitFor({ timeout: 60_000 });
}

describe('your data', () => {
  it('shows what is stored and the space it takes', async () => {
    const page = await settingsPage();
    await importSeed(page);
    const used = page.locator('.storage-used[data-posts="5"][data-snapshots="10"]');
    await used.waitFor({ timeout: 30_000 });
    expect(await used.textContent()).toMatch(
      /^Feedlens stores 5 posts and 10 snapshots, using [\d.,]+ (kB|MB) of this browser’s storage \([\d.,]+ (MB|GB) available to it\)\.$/,
    );
    await page.close();
  });

  it('deletes one post from the dashboard, after a confirmation with a backup offered', async () => {
    const dashboard = await harness.extensionPage('dashboard.html#post=x:102');
    await dashboard.getByRole('button', { name: 'Delete this post…' }).click();
    const dialog = dashboard.getByRole('alertdialog');
    await expect(dialog.textContent()).resolves.toMatch(
      /Delete @grace’s post from Feedlens\?.*2 snapshots.*cannot be undone/,
    );
    // Keeping the data changes nothing.
    await dialog.getByRole('button', { name: 'Keep my data' }).click();
    expect(await keys()).toContain('x:102');
    await dashboard.getByRole('button', { name: 'Delete this post…' }).click();
    // The backup is a real export.
    const backup = dashboard.waitForEvent('download');
    await dashboard.getByRole('alertdialog').getByRole('button', { name: 'Export a backup' }).click();
    expect((await backup).suggestedFilename()).toMatch(/^feedlens-export-\d{4}-\d\d-\d\d\.json$/);
    await dashboard.getByRole('alertdialog').getByRole('button', { name: 'Delete this post' }).click();
    await dashboard.getByText('Deleted the post: 1 post and 2 snapshots.').waitFor();
    await dashboard.getByRole('button', { name: 'OK' }).click();
    await dashboard.getByText('This post is not stored').waitFor();
    expect(await keys()).toEqual(['reddit:t3_r1', 'reddit:t3_r2', 'x:101', 'x:103']);
    expect(await snapshotPosts()).toEqual(['reddit:t3_r1', 'reddit:t3_r2', 'x:101', 'x:103']);
    await dashboard.close();
  });

  it('deletes one site’s data, then everything, each after a confirmation', async () => {
    const page = await settingsPage();
    await page.locator('.storage-used[data-posts="4"]').waitFor({ timeout: 30_000 });
    await page.getByLabel('Delete one site’s data:').selectOption('reddit');
    await page.getByRole('button', { name: 'Delete Reddit data…' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.textContent()).resolves.toMatch(/Delete all 2 posts from Reddit\?/);
    await dialog.getByRole('button', { name: 'Delete Reddit data' }).click();
    await page.getByText('Deleted Reddit’s data: 2 posts and 4 snapshots.').waitFor();
    expect(await keys()).toEqual(['x:101', 'x:103']);
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('.storage-used[data-posts="2"]').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await expect(page.getByRole('alertdialog').textContent()).resolves.toMatch(/All 2 posts and 4 snapshots go/);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete all data' }).click();
    await page.getByText('Deleted all data: 2 posts and 4 snapshots.').waitFor();
    expect(await keys()).toEqual([]);
    expect(await harness.storeContents('snapshots')).toEqual([]);
    await page.close();
  });

  it('keeps posts for the days I choose: asks first, then the background deletes the older ones and says so', async () => {
    const page = await settingsPage();
    await importSeed(page);
    await page.getByLabel('Keep posts').selectOption('30');
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.textContent()).resolves.toMatch(
      /Keep posts for 30 days\?.*1 post you have not seen for 30 days/,
    );
    await dialog.getByRole('button', { name: 'Keep posts for 30 days' }).click();
    await waitFor(async () => !(await keys()).includes('x:103'), 'the old post to be deleted', 60_000);
    expect(await keys()).toEqual(['reddit:t3_r1', 'reddit:t3_r2', 'x:101', 'x:102']);
    expect(await snapshotPosts()).not.toContain('x:103');
    await page
      .getByText('Deleted 1 post not seen for 30 days, with 2 snapshots, as you chose under “Keep posts”.')
      .waitFor({ timeout: 30_000 });
    await page.getByText(/Last checked .*: 1 deleted\./).waitFor({ timeout: 30_000 });
    await page.close();
  });
});
