/**
 * The dashboard and the popup with a year of data (100,000 posts, 1,000,000 snapshots) in the
 * extension's IndexedDB, in real Chromium: time until each shows its data (the pages mark it with
 * `performance.mark`), against a bare extension page (options.html, which reads no data) and a
 * raw IndexedDB read of 100 post records, measured in the same run.
 *
 * Seeding a year takes minutes on a small machine, so the seeded profile is kept in the OS temp
 * directory and reused while the seed's version and the schema are unchanged
 * (FEEDLENS_BENCH_RESEED=1 forces a new one).
 */
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { DB_VERSION } from '../../lib/storage/db';
import { EXTENSION_DIR, launch, waitFor, type Harness } from '../browser/harness';

/** Bump when dashboard-entry.ts seeds differently. */
const SEED_VERSION = 1;
const ROUNDS = 5;
/** The authors of the X fixture page the popup is opened on: each gets 300 posts of history. */
const PAGE_AUTHORS = ['ada', 'grace', 'NASA', 'jack', 'margaret'];

export interface DashboardBenchResult {
  posts: number;
  snapshots: number;
  seededMs: number | null;
  barePageMs: number;
  rawRead100Ms: number;
  dashboardMs: number;
  /** Of dashboardMs: until its data was read (the rest is drawing). */
  dashboardDataMs: number;
  popupMs: number;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

async function seeder(page: Page): Promise<void> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./dashboard-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
  });
  // Evaluated through the DevTools protocol, which extension pages' script policy does not block.
  await page.evaluate(bundle.outputFiles[0]!.text);
}

/** Milliseconds from navigation start to the page's own mark (or to its load event for the bare page). */
async function timeToMark(harness: Harness, path: string, mark: string | null): Promise<number> {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/${path}`, { waitUntil: 'commit' });
  const expression = mark
    ? `performance.getEntriesByName(${JSON.stringify(mark)})[0]?.startTime`
    : `performance.getEntriesByType('navigation')[0]?.loadEventEnd || undefined`;
  // Polled from here: extension pages forbid the string evaluation waitForFunction would use.
  const ms = await waitFor(
    () => page.evaluate(expression) as Promise<number | undefined>,
    `${path} to show its data`,
    60_000,
  );
  await page.close();
  return ms;
}

/** Milliseconds from navigation start to each of the page's marks (all must be set). */
async function timeToMarks(harness: Harness, path: string, marks: string[]): Promise<number[]> {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/${path}`, { waitUntil: 'commit' });
  const expression = `(() => { const t = ${JSON.stringify(marks)}.map((m) => performance.getEntriesByName(m)[0]?.startTime); return t.every((v) => v !== undefined) ? t : undefined; })()`;
  const times = await waitFor(
    () => page.evaluate(expression) as Promise<number[] | undefined>,
    `${path} to show its data`,
    60_000,
  );
  await page.close();
  return times;
}

export async function benchDashboard(): Promise<DashboardBenchResult> {
  const profile = join(
    tmpdir(),
    `feedlens-bench-year-s${SEED_VERSION}-v${DB_VERSION}-${Buffer.from(EXTENSION_DIR).toString('base64url').slice(-24)}`,
  );
  if (process.env.FEEDLENS_BENCH_RESEED === '1') rmSync(profile, { recursive: true, force: true });
  const reuse = existsSync(profile);
  const harness = await launch({ profile });
  try {
    const helper = await harness.extensionPage('options.html');
    await seeder(helper);
    let stored = (await helper.evaluate('feedlensBench.counts()')) as { posts: number; snapshots: number };
    let seededMs: number | null = null;
    if (!reuse || stored.posts < 100_000) {
      process.stdout.write('  seeding a year of data (100,000 posts, 1,000,000 snapshots); kept for later runs…\n');
      const seeded = (await helper.evaluate(
        `feedlensBench.seedYear(${JSON.stringify({ now: Date.now(), pageAuthors: PAGE_AUTHORS })})`,
      )) as { posts: number; snapshots: number; ms: number };
      seededMs = seeded.ms;
      stored = seeded;
    }
    // The user's own account, so the dashboard shows "my posts vs peers" too.
    await harness.inBackground(
      () =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set({
          settings: { accounts: { x: ['me'] } },
        }),
      null,
    );
    // The popup's page: the X fixture, read for real.
    const { tabId } = await harness.openTab('https://x.com/home');
    await waitFor(
      async () => ((await helper.evaluate(`feedlensBench.counts()`)) as { posts: number }).posts >= 100_006,
      'the page’s posts to be stored',
      30_000,
    );

    const bare: number[] = [];
    const raw: number[] = [];
    const dashboard: number[] = [];
    const dashboardData: number[] = [];
    const popup: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(await timeToMark(harness, 'options.html', null));
      raw.push((await helper.evaluate('feedlensBench.rawRead(100)')) as number);
      const [ready, read] = await timeToMarks(harness, 'dashboard.html', [
        'feedlens:dashboard-ready',
        'feedlens:dashboard-data',
      ]);
      dashboard.push(ready!);
      dashboardData.push(read!);
      popup.push(await timeToMark(harness, `popup.html?tabId=${tabId}`, 'feedlens:popup-ready'));
    }
    // The pages did show the data they were timed on.
    const check = await harness.extensionPage('dashboard.html');
    await waitFor(async () => (await check.locator('[data-table="posts"] tbody tr').count()) > 0, 'the posts table');
    await waitFor(
      async () => (await check.locator('[data-table^="mine-vs-peers"] tbody tr').count()) > 0,
      'my posts vs peers',
    );
    const popupPage = await harness.extensionPage(`popup.html?tabId=${tabId}`);
    await waitFor(async () => (await popupPage.locator('li.post').count()) === 6, 'six ranked posts in the popup');
    return {
      ...stored,
      seededMs,
      barePageMs: median(bare),
      rawRead100Ms: median(raw),
      dashboardMs: median(dashboard),
      dashboardDataMs: median(dashboardData),
      popupMs: median(popup),
    };
  } finally {
    await harness.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchDashboard()
    .then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
