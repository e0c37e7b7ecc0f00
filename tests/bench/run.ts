/**
 * `npm run bench`: speed checks in real Chromium, each reported as a ratio to a baseline measured
 * in the same run (never as absolute times: machines differ). Writes tests/bench/RESULTS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchDashboard } from './dashboard';
import { DATA_POSTS, benchData } from './data';
import { MESSAGES, PER_MESSAGE, benchDelivery } from './delivery';
import { SNAPSHOTS, benchIngest } from './ingest';
import { FEED_POSTS } from './feeds';
import { benchReader } from './reader';
import { bundleRows, readerMethod, readerRows, type Row } from './reader-report';

import { fmt } from './reader-report';

async function main(): Promise<void> {
  const rows: Row[] = [];
  const only = process.env.FEEDLENS_BENCH_ONLY;
  const rounds = Number(process.env.FEEDLENS_BENCH_ROUNDS ?? 5);
  console.log(`Reader: generated X, YouTube and Reddit feeds of ${FEED_POSTS} posts, ${rounds} interleaved rounds…`);
  const feeds = await benchReader(rounds, Number(process.env.FEEDLENS_BENCH_TRACED ?? 3));
  rows.push(...readerRows(feeds));
  rows.push(...bundleRows());
  const methods = [readerMethod(rounds)];
  if (only === 'reader') return report(rows, methods);

  console.log(`Ingest: ${SNAPSHOTS.toLocaleString('en')} snapshots through the real write path vs raw idb puts…`);
  const ingest = await benchIngest();
  rows.push({
    check: `IndexedDB ingest of ${SNAPSHOTS.toLocaleString('en')} snapshots (throughput vs raw)`,
    measured: fmt(ingest.feedlensMs),
    baseline: `raw puts ${fmt(ingest.rawMs)}`,
    ratio: ingest.rawMs / ingest.feedlensMs,
    target: '≥ 0.5× raw',
    pass: ingest.rawMs / ingest.feedlensMs >= 0.5,
  });

  console.log('Delivery: acknowledged sends vs fire-and-forget, in the content script’s world…');
  const delivery = await benchDelivery();
  rows.push({
    check: 'Acknowledged delivery: the page’s main-thread CPU per reading sent (kept until stored, resent if not)',
    measured: fmt(delivery.deliveredPerReading),
    baseline: `fire-and-forget ${fmt(delivery.plainPerReading)}`,
    ratio: delivery.deliveredPerReading / delivery.plainPerReading,
    target: '≤ 2× fire-and-forget',
    pass: delivery.deliveredPerReading <= 2 * delivery.plainPerReading,
  });

  console.log('Dashboard and popup with a year of data (100,000 posts, 1,000,000 snapshots)…');
  const year = await benchDashboard();
  rows.push({
    check: 'Dashboard: first data on screen with a year stored',
    measured: `${fmt(year.dashboardMs)} (read ${fmt(year.dashboardDataMs)})`,
    baseline: `bare page ${fmt(year.barePageMs)}`,
    ratio: year.dashboardMs / year.barePageMs,
    target: '≤ 4× bare page',
    pass: year.dashboardMs <= 4 * year.barePageMs,
  });
  rows.push({
    check: 'Popup: ranked posts on screen with a year stored',
    measured: fmt(year.popupMs),
    baseline: `bare page ${fmt(year.barePageMs)}`,
    ratio: year.popupMs / year.barePageMs,
    target: '≤ 3× bare page',
    pass: year.popupMs <= 3 * year.barePageMs,
  });
  rows.push({
    check: 'Dashboard first data vs one raw IndexedDB read of 100 posts',
    measured: fmt(year.dashboardMs),
    baseline: `raw read ${fmt(year.rawRead100Ms)}`,
    ratio: year.dashboardMs / year.rawRead100Ms,
    target: 'report',
    pass: true,
  });

  console.log(
    `Import and export: ${DATA_POSTS.toLocaleString('en')} posts through the settings page vs raw idb writes and reads…`,
  );
  const data = await benchData();
  const volume = `${data.posts.toLocaleString('en')} posts, ${data.snapshots.toLocaleString('en')} snapshots (${data.fileMb.toFixed(0)} MB)`;
  const throughput = (check: string, ms: number, raw: string, rawMs: number, ratio: number): Row => ({
    check: `${check} (throughput vs raw)`,
    measured: fmt(ms),
    baseline: `${raw} ${fmt(rawMs)}`,
    ratio,
    target: '≥ 0.3× raw',
    pass: ratio >= 0.3,
  });
  rows.push(
    throughput(
      `Import of ${volume} through the settings page`,
      data.importMs,
      'raw writes',
      data.rawWriteMs,
      data.importRatio,
    ),
  );
  rows.push(
    throughput(
      'Export of the same from the settings page',
      data.exportMs,
      'raw reads',
      data.rawReadMs,
      data.exportRatio,
    ),
  );
  for (const [during, tasks] of [
    ['import', data.importTasks],
    ['export', data.exportTasks],
  ] as const) {
    rows.push({
      check: `Settings page’s longest task during the ${during}, thread time (wall time ${fmt(tasks.wallMs)})`,
      measured: fmt(tasks.threadMs),
      baseline: 'target 200 ms',
      ratio: tasks.threadMs / 200,
      target: '< 200 ms',
      pass: tasks.threadMs < 200,
    });
  }

  methods.push(`- **Ingest:** ${SNAPSHOTS.toLocaleString('en')} readings of 1,000 posts (every reading changes a count, so each is a
  snapshot) sent as messages of 500 readings through the background's ingest queue (each transaction takes
  everything that gathered while the previous one ran, up to 10,000 readings), against the same number of
  snapshot records written with raw idb puts in one transaction. Ratio = raw time / Feedlens time.
- **Delivery:** ${MESSAGES} messages of ${PER_MESSAGE} readings of new X posts sent from the content script's
  isolated world (CDP \`ThreadTime\` of the page's main thread, 7 interleaved rounds after a warm-up, median), through
  lib/content/delivery.ts (each reading kept until the background answers that its transaction committed) against
  plain \`sendMessage\` calls whose answer is ignored (a message type the background does not store).
- **Dashboard and popup with a year of data:** ${year.posts.toLocaleString('en')} posts and
  ${year.snapshots.toLocaleString('en')} snapshots in the extension's own IndexedDB (seeded directly through the real schema by
  \`tests/bench/dashboard-entry.ts\`, every record's v2 fields computed by the same code as the v1 → v2 upgrade; the
  seeded profile is kept in the OS temp directory and reused). Times run from navigation start to the page's own
  \`performance.mark\` once its data is rendered (the dashboard's posts table, my posts vs peers, the distribution;
  the popup's ranked list of the X fixture page, whose 5 authors have 300 stored posts each). *Bare page:* options.html
  (no data read) to its load event. Medians of 5 fresh page opens.
- **Import and export:** a generated export file of ${data.posts.toLocaleString('en')} X posts with ${data.snapshots / data.posts}
  snapshots each (\`tests/export-file.ts\`, shaped as real exports: counts at fixed ages, five counts per snapshot),
  imported into an empty store through the settings page's file input (streamed to the background, checked, staged and
  saved) until the background reports it done, then exported with the settings page's button (built by the export
  worker) until the download starts. *Raw writes:* the same records, read back from the store, put into a fresh
  database with the same object stores and indexes by the service worker in transactions of 5,000 records. *Raw reads:*
  every record of the store read by the settings page with \`getAll\`, 2,000 at a time. Ratio = raw time / Feedlens time,
  per round; medians of 3 rounds. *Longest task:* the settings page's main-thread tasks from a Chromium trace
  (\`RunTask\` events) during each import and export, the longest over all rounds by thread time (the CPU time the task
  took; on a loaded machine a task's wall time stretches with every other process waiting for the cores). The scale is
  \`FEEDLENS_BENCH_DATA_POSTS\` (default 20,000).
`);
  report(rows, methods);
}

function report(rows: Row[], methods: string[]): void {
  const header = '| check | measured | baseline (same run) | ratio | target | |\n| --- | --- | --- | --- | --- | --- |';
  const lines = rows.map(
    (r) =>
      `| ${r.check} | ${r.measured} | ${r.baseline} | ${r.ratio.toFixed(2)} | ${r.target} | ${r.pass ? 'ok' : 'MISSED'} |`,
  );
  const table = [header, ...lines].join('\n');
  console.log(`\n${table}\n`);
  const text = `# Benchmark results

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, in headless Chromium.
Every figure is a ratio to a baseline measured in the same run; absolute times are shown only for context.

${table}

## Method

${methods.join('\n')}
${readFileSync(fileURLToPath(new URL('./STEPS.md', import.meta.url)), 'utf8')}`;
  writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), text);
  console.log('Wrote tests/bench/RESULTS.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
