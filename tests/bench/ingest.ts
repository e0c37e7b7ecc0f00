/** IndexedDB ingest of 100,000 snapshots through Feedlens's real write path, against raw idb puts. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromePath } from '../browser/harness';

export const SNAPSHOTS = 100_000;
/** Readings per message, as content scripts send them (the background batches them further). */
const BATCH = 500;

export interface IngestResult {
  rawMs: number;
  feedlensMs: number;
}

export async function benchIngest(rounds = 3): Promise<IngestResult> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./ingest-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
  });
  const browser = await chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext();
  await context.route('**/*', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  const page = await context.newPage();
  await page.goto('https://bench.feedlens.invalid/');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const raw: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < rounds; i++) {
    raw.push(await page.evaluate((n) => (window as any).feedlensBench.timeRaw(n), SNAPSHOTS));
    ours.push(
      await page.evaluate(([n, b]) => (window as any).feedlensBench.timeFeedlens(n, b), [SNAPSHOTS, BATCH] as const),
    );
  }
  await browser.close();
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return { rawMs: median(raw), feedlensMs: median(ours) };
}
