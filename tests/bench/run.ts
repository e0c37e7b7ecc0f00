/**
 * `npm run bench`: speed checks in real Chromium, each reported as a ratio to a baseline measured
 * in the same run (never as absolute times: machines differ). Writes tests/bench/RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchDashboard } from './dashboard';
import { DATA_POSTS, benchData } from './data';
import { MESSAGES, PER_MESSAGE, benchDelivery } from './delivery';
import { SNAPSHOTS, benchIngest } from './ingest';
import { CELLS_KEPT, FEED_POSTS, PER_FRAME, benchReader } from './reader';

interface Row {
  check: string;
  measured: string;
  baseline: string;
  ratio: number;
  target: string;
  pass: boolean;
}

const fmt = (ms: number) =>
  ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(1)} µs`;

async function main(): Promise<void> {
  const rows: Row[] = [];
  console.log(`Reader: generated X feed of ${FEED_POSTS} posts, with and without the extension…`);
  const reader = await benchReader(5);
  rows.push({
    check: 'Reader main-thread time per post (its own work)',
    measured: fmt(reader.readerPerPost),
    baseline: `floor ${fmt(reader.floorPerPost)}`,
    ratio: reader.readerPerPost / reader.floorPerPost,
    target: '≤ 3× floor',
    pass: reader.readerPerPost <= 3 * reader.floorPerPost,
  });
  rows.push({
    check: 'Extra main-thread time per post with the extension (CDP TaskDuration)',
    measured: fmt(reader.mainThreadPerPost),
    baseline: `floor ${fmt(reader.floorPerPost)}`,
    ratio: reader.mainThreadPerPost / reader.floorPerPost,
    target: 'report',
    pass: true,
  });
  rows.push({
    check: 'Of which: Chrome’s runtime.sendMessage alone, per reading (the trip each new post makes to be stored)',
    measured: fmt(reader.sendPerReading),
    baseline: `floor ${fmt(reader.floorPerPost)}`,
    ratio: reader.sendPerReading / reader.floorPerPost,
    target: 'report',
    pass: true,
  });
  rows.push({
    check: 'Long tasks (> 50 ms) while the feed loads',
    measured: `${reader.longTasksWith} with extension`,
    baseline: `${reader.longTasksWithout} without`,
    ratio: reader.longTasksWith - reader.longTasksWithout,
    target: '0 caused',
    pass: reader.longTasksWith <= reader.longTasksWithout,
  });
  rows.push({
    check: `In-feed overlay: its own main-thread time per post (${reader.badges} badges)`,
    measured: fmt(reader.overlayPerPost),
    baseline: `reader ${fmt(reader.readerPerPost)}`,
    ratio: reader.overlayPerPost / reader.readerPerPost,
    target: '≤ 1.5× reader',
    pass: reader.badges > 0 && reader.overlayPerPost <= 1.5 * reader.readerPerPost,
  });
  rows.push({
    check: 'In-feed overlay: reader time per post with it on (its bookkeeping runs in the reader’s frame)',
    measured: fmt(reader.readerPerPost),
    baseline: `overlay off ${fmt(reader.readerPerPostNoOverlay)}`,
    ratio: reader.readerPerPost / reader.readerPerPostNoOverlay,
    target: '≤ 1.5× off',
    pass: reader.readerPerPost <= 1.5 * reader.readerPerPostNoOverlay,
  });
  rows.push({
    check: 'In-feed overlay: extra main-thread time per post, on − off (CDP TaskDuration, with style and layout)',
    measured: fmt(reader.overlayMainThreadPerPost),
    baseline: `extension ${fmt(reader.mainThreadPerPost)}`,
    ratio: reader.overlayMainThreadPerPost / reader.mainThreadPerPost,
    target: 'report',
    pass: true,
  });

  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
  rows.push({
    check: `Memory: page JS heap after the ${FEED_POSTS}-post feed (after GC), with Feedlens (${(
      (reader.heapWith - reader.heapWithout) /
      FEED_POSTS /
      1024
    ).toFixed(1)} KB per post)`,
    measured: mb(reader.heapWith),
    baseline: `without ${mb(reader.heapWithout)}`,
    ratio: reader.heapWith / reader.heapWithout,
    target: 'report',
    pass: true,
  });

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

  const header = '| check | measured | baseline (same run) | ratio | target | |\n| --- | --- | --- | --- | --- | --- |';
  const lines = rows.map(
    (r) =>
      `| ${r.check} | ${r.measured} | ${r.baseline} | ${r.ratio.toFixed(2)} | ${r.target} | ${r.pass ? 'ok' : 'MISSED'} |`,
  );
  const table = [header, ...lines].join('\n');
  console.log(`\n${table}\n`);
  const report = `# Benchmark results

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, in headless Chromium.
Every figure is a ratio to a baseline measured in the same run; absolute times are shown only for context.

${table}

## Method

- **Reader:** the X fixture's page at https://x.com/home, then ${FEED_POSTS} generated posts mounted ${PER_FRAME} per animation
  frame, the oldest unmounted beyond ${CELLS_KEPT} cells, as X's virtualized timeline does while scrolling (the page's own
  frames then take about 20 ms; mounting 20 posts a frame into an ever-growing list had made most of them long
  tasks without Feedlens, which left no way to tell which ones Feedlens caused). *Floor:* a bare loop that finds
  every post and reads its action bar's aria-label, on the warm page after the workload (median of 15 timings of
  100 passes, per post). *Reader time:* the content script's own main-thread time (observer callbacks, reads,
  diffs and sends, timed inside it) per post. *Without:* the same browser with the extension loaded and the same
  page served at an address no content script matches, so only Feedlens's content script differs. *Extra
  main-thread time:* CDP \`TaskDuration\` during the same workload with the content script minus without it
  (includes IPC, garbage collection and style work it causes; noisier). Medians of 5 rounds. *sendMessage
  alone:* 75 readings of the reader's shape per message, from an extension page to a message type the background
  ignores (median of 15 × 20 messages): what every new post costs to reach the store, whatever the reader does.
  Long tasks from a \`PerformanceObserver('longtask')\`, summed over the rounds. The first read of a page (its
  number tables built with \`Intl\`) happens before the workload and is not counted. *Memory:* the page's JS heap
  (\`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`; the content script's isolated world lives in the
  page's isolate) at the end of the workload, with and without the content script. The generated page has no
  JavaScript of its own, so its heap is far smaller than a real feed's: the ratio overstates Feedlens's share.
- **In-feed overlay:** the same workload with the overlay on (the default: a badge on every post within two
  screens of the viewport)
  and with it switched off in the settings, in separate browsers. *Its own time:* the overlay's frames (placing and drawing
  badges) and its handling of stats replies, timed inside it; its per-post bookkeeping runs inside the reader's frame
  and so is part of the reader's time, compared on vs off. *Extra main-thread time:* CDP \`TaskDuration\` with the
  overlay on minus off (includes the browser's style and layout work for the badges).
- **Ingest:** ${SNAPSHOTS.toLocaleString('en')} readings of 1,000 posts (every reading changes a count, so each is a
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
`;
  writeFileSync(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), report);
  console.log('Wrote tests/bench/RESULTS.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
