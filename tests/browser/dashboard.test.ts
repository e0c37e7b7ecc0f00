import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostRecord, SnapshotRecord } from '../../lib/storage/db';
import { deriveFromSnapshots, withDerived } from '../../lib/storage/derive';
import { launch, waitFor, type Harness } from './harness';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const NOW = Date.now();
const TRICKY_TEXT = '=HYPERLINK("http://evil"), with "quotes",\nand a second line';

/**
 * Twenty earlier posts each for ada and grace, seen around one hour after posting (so they have a
 * value at 1 h), built with the store's own derive code: ada's usually get 100 interactions in
 * their first hour, grace's 1,000.
 */
function history(): { posts: PostRecord[]; snapshots: SnapshotRecord[] } {
  const posts: PostRecord[] = [];
  const snapshots: SnapshotRecord[] = [];
  for (const [author, usual] of [
    ['ada', 100],
    ['grace', 1000],
  ] as const) {
    for (let i = 0; i < 20; i++) {
      const postId = `17000000000000${author === 'ada' ? 1 : 2}${String(i).padStart(4, '0')}`;
      const key = `x:${postId}`;
      const postedAt = NOW - (2 + i) * DAY;
      const counts = (likes: number) => ({
        likes: { precision: 'exact' as const, value: likes },
        reposts: { precision: 'exact' as const, value: 0 },
        replies: { precision: 'exact' as const, value: 0 },
        bookmarks: { precision: 'exact' as const, value: 0 },
        views: { precision: 'exact' as const, value: likes * 20 },
      });
      const own = [
        { post: key, at: postedAt + 55 * MIN, counts: counts(usual - 10) },
        { post: key, at: postedAt + 65 * MIN, counts: counts(usual + 10) },
        { post: key, at: postedAt + 3 * DAY, counts: counts(usual * 2) },
      ].filter((s) => s.at < NOW);
      const last = own[own.length - 1]!;
      const post: PostRecord = {
        key,
        platform: 'x',
        postId,
        url: `https://x.com/${author}/status/${postId}`,
        author,
        postedAt,
        text: i === 0 && author === 'ada' ? TRICKY_TEXT : `${author}’s post ${i}`,
        firstSeenAt: own[0]!.at,
        lastSeenAt: last.at,
        lastSnapshotAt: last.at,
        latest: last.counts,
      };
      posts.push(withDerived(post, deriveFromSnapshots(post, own)));
      snapshots.push(...own);
    }
  }
  return { posts, snapshots };
}

let harness: Harness;
beforeAll(async () => {
  harness = await launch();
  // The X fixture with ada's and grace's posts published an hour ago, so they are compared at 1 h.
  const hourAgo = new Date(NOW - 60 * MIN).toISOString();
  const html = readFileSync(new URL('../../lib/platforms/fixtures/x-home-timeline.html', import.meta.url), 'utf8')
    .replace('2024-11-19T20:15:00.000Z', hourAgo)
    .replace('2024-11-19T21:00:00.000Z', hourAgo);
  harness.serve('https://x.com/ranked', html);
  // Seeded straight into the extension's database (opened, at the current schema, by the page).
  const page = await harness.extensionPage('dashboard.html');
  await waitFor(
    () =>
      page.evaluate(() =>
        indexedDB.databases().then((d) => d.some((db) => db.name === 'feedlens' && db.version! >= 2)),
      ),
    'the store',
  );
  await page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('feedlens');
        open.onsuccess = () => {
          const tx = open.result.transaction(['posts', 'snapshots'], 'readwrite');
          for (const post of data.posts) tx.objectStore('posts').put(post);
          for (const snapshot of data.snapshots) tx.objectStore('snapshots').put(snapshot);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    history(),
  );
  await page.close();
});
afterAll(async () => harness?.close());

const rows = (page: import('playwright-core').Page, table: string) => page.locator(`[data-table="${table}"] tbody tr`);

describe('the dashboard', () => {
  it('renders stored posts, compares my account with peers once named, and filters', async () => {
    const page = await harness.extensionPage('dashboard.html');
    await waitFor(async () => (await rows(page, 'posts').count()) === 40, 'the forty stored posts');
    await expect(page.locator('#mine-heading + p').textContent()).resolves.toContain('Name your X accounts');

    await page.locator('textarea[name="accounts"]').fill('@Ada');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('combobox', { name: 'Compare at age' }).selectOption('1h');
    await waitFor(async () => (await rows(page, 'mine-vs-peers-1h').count()) === 20, 'my twenty posts against peers');
    // Ada's posts had 100 interactions at 1 h; the peers (grace) 1,000.
    const first = rows(page, 'mine-vs-peers-1h').first();
    await expect(first.locator('[data-col="value"]').textContent()).resolves.toBe('100');
    await expect(first.locator('[data-col="median"]').textContent()).resolves.toBe('1,000');
    // The chart library loads on demand: the chart follows the table.
    await waitFor(async () => (await page.locator('#mine-heading ~ .chart canvas').count()) > 0, 'my posts’ chart');

    await page.locator('input[name="author"]').fill('grace');
    await page.locator('input[name="author"]').press('Enter');
    await waitFor(async () => (await rows(page, 'posts').count()) === 20, 'grace’s posts only');
    expect(await rows(page, 'posts').locator('td:nth-child(2)').allTextContents()).toEqual(Array(20).fill('@grace'));

    const from = new Date(NOW - 9.5 * DAY).toISOString().slice(0, 10);
    await page.locator('input[name="from"]').fill(from);
    await waitFor(async () => (await rows(page, 'posts').count()) < 20, 'the date filter');
    // Dates read in the user's language; their datetime keeps the moment itself.
    const dates = await rows(page, 'posts')
      .locator('td:first-child time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date.slice(0, 10) >= from).toBe(true);
  });

  it('downloads a table as CSV with correct quoting and formula-safe cells', async () => {
    const page = await harness.extensionPage('dashboard.html');
    await waitFor(async () => (await rows(page, 'posts').count()) > 0, 'the posts table');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-table="posts"]').getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^feedlens-posts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    // A byte order mark first, so Excel reads the file as UTF-8.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Posted (local time),Author,Post,Likes,Reposts,Replies,Views,Latest engagement rate by views (%),Interactions at age 24 h,Link',
    );
    expect(lines.length).toBe(1 + 40 + 1); // header, forty posts, and the final line end
    expect(csv).toContain(`,ada,"'=HYPERLINK(""http://evil""), with ""quotes"",\nand a second line",`);
  });

  it('shows any post’s counts over time', async () => {
    const page = await harness.extensionPage('dashboard.html');
    await waitFor(async () => (await rows(page, 'posts').count()) > 0, 'the posts table');
    await rows(page, 'posts').first().getByRole('button').click();
    await waitFor(
      async () => (await page.locator('[data-table^="history-"] tbody tr').count()) > 0,
      'the history table',
    );
    // The newest post was seen twice so far (its three-day sighting is still to come).
    expect(await page.locator('[data-table^="history-"] tbody tr').count()).toBe(2);
    await waitFor(async () => (await page.locator('#history .chart canvas').count()) > 0, 'the history chart');
  });
});

describe('the popup with history', () => {
  it('ranks the page’s posts against each author’s usual, then by engagement rate, and shows a post’s history', async () => {
    const { tabId } = await harness.openTab('https://x.com/ranked');
    const popup = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    await waitFor(async () => (await popup.locator('li.post').count()) === 6, 'six posts in the popup');
    await waitFor(
      async () => (await popup.locator('li.post').first().getAttribute('data-ranked-by')) === 'usual',
      'the ranking',
    );
    const keys = await popup
      .locator('li.post')
      .evaluateAll((items) => items.map((li) => [li.getAttribute('data-post-key'), li.getAttribute('data-ranked-by')]));
    expect(keys.slice(0, 3)).toEqual([
      ['x:1858979112345600001', 'usual'], // ada: 621 interactions at 1 h, usually 100
      ['x:1858990000000000002', 'usual'], // grace: 56, usually 1,000
      ['x:1858700000000000004', 'engagementRate'], // NASA: no history, the best engagement rate left
    ]);
    await expect(popup.locator('li.post').first().locator('.post-standing strong').textContent()).resolves.toBe(
      '6.2× usual',
    );
    await expect(popup.locator('.order-explain').textContent()).resolves.toContain('usual at the same age');

    await popup.locator('li.post').first().getByRole('button', { name: 'History' }).click();
    await waitFor(async () => (await popup.locator('.history-table tbody tr').count()) >= 1, 'the post’s history');
    await expect(popup.locator('.history-table tbody tr [data-metric="likes"]').first().textContent()).resolves.toBe(
      '567',
    );
    await expect(popup.getByRole('link', { name: 'Dashboard' }).getAttribute('href')).resolves.toBe('/dashboard.html');
    expect(harness.strayRequests).toEqual([]);
  });
});
