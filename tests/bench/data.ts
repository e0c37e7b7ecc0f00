/**
 * Import and export at scale, in real Chromium with the built extension: a generated export file
 * (default 20,000 posts and 200,000 snapshots, about 90 MB; FEEDLENS_BENCH_DATA_POSTS for more)
 * imported through the settings page, then exported from it, against raw IndexedDB bulk writes and
 * reads of the same records in the same browser, paired per round; and the settings page's longest
 * task while the import runs.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launch, waitFor, type Harness } from '../browser/harness';
import { writeExportFile } from '../export-file';
import { longestTasks, type LongestTasks } from '../browser/trace';

export const DATA_POSTS = Number(process.env.FEEDLENS_BENCH_DATA_POSTS ?? 20_000);
export const SNAPSHOTS_PER_POST = 10;
const ROUNDS = Number(process.env.FEEDLENS_BENCH_DATA_ROUNDS ?? 3);

export interface DataBenchResult {
  posts: number;
  snapshots: number;
  fileMb: number;
  importMs: number;
  rawWriteMs: number;
  /** Median over rounds of raw write time / import time (throughput ratio), paired per round. */
  importRatio: number;
  exportMs: number;
  rawReadMs: number;
  exportRatio: number;
  /** The settings page's longest tasks while importing and while exporting, over all rounds. */
  importTasks: LongestTasks;
  exportTasks: LongestTasks;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./data-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
  });
  return out.outputFiles[0]!.text;
}

/** The background's current data job (lib/background/data-status.ts). */
const dataJob = (harness: Harness) =>
  harness.serviceWorker.evaluate(`chrome.storage.local.get('dataJob').then((r) => r.dataJob)`) as Promise<
    { state: string; at: number; message?: string } | undefined
  >;

async function importOnce(harness: Harness, page: Page, path: string): Promise<number> {
  const started = Date.now();
  await page.locator('input[type=file]').setInputFiles(path);
  const job = await waitFor(
    async () => {
      const current = await dataJob(harness);
      return current && current.at >= started && !['checking', 'saving'].includes(current.state) && current;
    },
    'the import to finish',
    30 * 60_000,
  );
  if (job.state !== 'done') throw new Error(`the import did not finish: ${job.message}`);
  return Date.now() - started;
}

async function exportOnce(page: Page, expected: number): Promise<number> {
  const download = page.waitForEvent('download', { timeout: 30 * 60_000 });
  const started = Date.now();
  await page.getByRole('button', { name: 'Export all data' }).click();
  const file = await download;
  const ms = Date.now() - started;
  // The file holds what was stored (checked on its size here; the browser tests check its content).
  const text = readFileSync((await file.path())!, 'utf8');
  const snapshots = text.split('"post":"').length - 1;
  if (snapshots !== expected) throw new Error(`export held ${snapshots} snapshots, expected ${expected}`);
  return ms;
}

export async function benchData(): Promise<DataBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'feedlens-bench-data-'));
  const path = join(dir, 'export.json');
  const file = await writeExportFile(path, { posts: DATA_POSTS, perPost: SNAPSHOTS_PER_POST });
  const code = await bundle();
  const harness: Harness = await launch();
  try {
    await harness.serviceWorker.evaluate(code);
    const page = await harness.extensionPage('options.html');
    await page.locator('input[type=file]').waitFor();
    // Evaluated through the DevTools protocol, which extension pages' script policy does not block.
    await page.evaluate(code);
    const rounds: { importMs: number; rawWriteMs: number; exportMs: number; rawReadMs: number }[] = [];
    const worst = (all: LongestTasks[]): LongestTasks => ({
      wallMs: Math.max(...all.map((t) => t.wallMs)),
      threadMs: Math.max(...all.map((t) => t.threadMs)),
      over50: all.reduce((sum, t) => sum + t.over50, 0),
    });
    const importTasks: LongestTasks[] = [];
    const exportTasks: LongestTasks[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      process.stdout.write(`  round ${round + 1}: import…`);
      await harness.serviceWorker.evaluate('feedlensDataBench.clearStore()');
      let importMs = 0;
      importTasks.push(await longestTasks(page, async () => (importMs = await importOnce(harness, page, path))));
      process.stdout.write(' raw writes…');
      const raw = (await harness.serviceWorker.evaluate('feedlensDataBench.rawWrite()')) as { ms: number };
      process.stdout.write(' export…');
      let exportMs = 0;
      exportTasks.push(await longestTasks(page, async () => (exportMs = await exportOnce(page, file.snapshots))));
      process.stdout.write(' raw reads…\n');
      const read = (await page.evaluate('feedlensDataBench.rawRead()')) as { ms: number };
      rounds.push({ importMs, rawWriteMs: raw.ms, exportMs, rawReadMs: read.ms });
    }
    return {
      posts: file.posts,
      snapshots: file.snapshots,
      fileMb: file.bytes / (1024 * 1024),
      importMs: median(rounds.map((r) => r.importMs)),
      rawWriteMs: median(rounds.map((r) => r.rawWriteMs)),
      importRatio: median(rounds.map((r) => r.rawWriteMs / r.importMs)),
      exportMs: median(rounds.map((r) => r.exportMs)),
      rawReadMs: median(rounds.map((r) => r.rawReadMs)),
      exportRatio: median(rounds.map((r) => r.rawReadMs / r.exportMs)),
      importTasks: worst(importTasks),
      exportTasks: worst(exportTasks),
    };
  } finally {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchData()
    .then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
