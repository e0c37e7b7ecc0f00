/** The reader bench's rows and method text for RESULTS.md, and the content scripts' sizes. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../browser/harness';
import { CELLS_KEPT, FEED_POSTS, PER_FRAME } from './feeds';
import type { FeedResult, Spread } from './reader';

export interface Row {
  check: string;
  measured: string;
  baseline: string;
  ratio: number;
  target: string;
  pass: boolean;
}

export const fmt = (ms: number) =>
  Math.abs(ms) >= 100
    ? `${ms.toFixed(0)} ms`
    : Math.abs(ms) >= 1
      ? `${ms.toFixed(1)} ms`
      : `${(ms * 1000).toFixed(0)} µs`;
const range = (s: Spread) => `${fmt(s.median)} (${fmt(s.min)} … ${fmt(s.max)})`;

export const X_EXTRA_TARGET_MS = 0.25;
export const CONTENT_SCRIPT_TARGET_BYTES = 40 * 1024;

export function readerRows(feeds: FeedResult[]): Row[] {
  const rows: Row[] = [];
  for (const f of feeds) {
    const { extraPerPost: extra, ownJsPerPost: own } = f;
    const name = { x: 'X', youtube: 'YouTube', reddit: 'Reddit' }[f.feed];
    rows.push({
      check: `${name}: extra main-thread CPU per post, defaults (badges on; ${f.badges} badges at the end)`,
      measured: range(extra.defaults),
      baseline: `page alone ${fmt(f.nonePerPost.median)}`,
      ratio: extra.defaults.median / f.nonePerPost.median,
      target: f.feed === 'x' ? `≤ ${fmt(X_EXTRA_TARGET_MS)}` : 'report',
      pass: f.feed !== 'x' || extra.defaults.median <= X_EXTRA_TARGET_MS,
    });
    for (const [config, label] of [
      ['badges-off', 'badges off'],
      ['hiding', 'hiding on for the site'],
      ['minimal', 'minimal storing reader'],
    ] as const) {
      rows.push({
        check: `${name}: extra main-thread CPU per post, ${label}`,
        measured: range(extra[config]),
        baseline: `page alone ${fmt(f.nonePerPost.median)}`,
        ratio: extra[config].median / f.nonePerPost.median,
        target: 'report',
        pass: true,
      });
    }
    rows.push({
      check: `${name}: Feedlens’s own JS per post, badges on vs off (trace)`,
      measured: range(own.defaults),
      baseline: `badges off ${range(own['badges-off'])}`,
      ratio: own.defaults.median / own['badges-off'].median,
      target: '≤ 1.3×',
      pass: own.defaults.median <= 1.3 * own['badges-off'].median,
    });
    rows.push({
      check: `${name}: the reader’s own JS per post (badges off) vs the minimal storing reader’s (trace)`,
      measured: range(own['badges-off']),
      baseline: `minimal ${range(own.minimal)}`,
      ratio: own['badges-off'].median / own.minimal.median,
      target: '≤ 3×',
      pass: own['badges-off'].median <= 3 * own.minimal.median,
    });
    rows.push({
      check: `${name}: Feedlens’s own JS per post, hiding on (trace)`,
      measured: range(own.hiding),
      baseline: `minimal ${range(own.minimal)}`,
      ratio: own.hiding.median / own.minimal.median,
      target: 'report',
      pass: true,
    });
  }
  return rows;
}

/** Each site's content script as built (minified): what every page of the site parses and compiles. */
export function bundleRows(): Row[] {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = statSync(join(dir, file)).size;
      return {
        check: `Content script size, ${file} (minified)`,
        measured: `${(bytes / 1024).toFixed(1)} KB`,
        baseline: `target ${CONTENT_SCRIPT_TARGET_BYTES / 1024} KB`,
        ratio: bytes / CONTENT_SCRIPT_TARGET_BYTES,
        target: '≤ 40 KB',
        pass: bytes <= CONTENT_SCRIPT_TARGET_BYTES,
      };
    });
}

export function readerMethod(rounds: number): string {
  return `- **Reader (CPU time):** ${FEED_POSTS} generated posts per feed, mounted ${PER_FRAME} per animation frame, the
  oldest unmounted beyond ${CELLS_KEPT} cells, as X's virtualized timeline does while scrolling (tests/bench/feeds.ts): X's
  posts cloned from the X fixture's first post, YouTube's and Reddit's parsed from their fixtures' first card (Reddit's with
  declarative shadow roots), each with its own id and counts. Five configurations, each in its own browser, all open at
  once: *no extension* (the same page at an address no content script matches), Feedlens with *defaults* (badges on),
  with *badges off*, with *hiding on* for the three sites, and a *minimal storing reader* (tests/bench/minimal-reader-entry.ts,
  bundled with esbuild into a tiny unpacked extension: one MutationObserver; once per frame it finds every post, reads its
  permalink and action-bar label and sends the new or changed ones in one message). ${rounds} rounds after a warm-up, the
  order of the configurations rotating each round. *Extra main-thread CPU per post:* CDP \`Performance.getMetrics\`
  \`ThreadTime\` of the page's main thread over the workload (style, layout, paint, GC and IPC included), minus the same
  round's run with no extension, divided by the posts; median (min … max) over the rounds. *Own JS:* a Chromium trace of
  separate runs (tracing slows everything it records, so those runs are not the CPU runs), summing the thread time of the
  top-level \`FunctionCall\` events of extension scripts on the page's main thread (every observer, frame, timer and
  listener callback, with the DOM work and GC inside them; tests/bench/own-js.ts); median (min … max) of the traced runs.
  Wall-clock figures (\`TaskDuration\`, frame times, long tasks) swing far more between rounds than the effects measured
  here on a shared 2-core machine, so none is used.
- **Content script size:** each \`.output/chrome-mv3/content-scripts/*.js\` as \`wxt build\` writes it (minified).`;
}
