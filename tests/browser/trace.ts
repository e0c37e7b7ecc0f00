/**
 * The longest tasks on one page's main thread while something runs, from a Chromium trace: each
 * task's wall time and its thread (CPU) time. On a shared, loaded machine a task's wall time
 * stretches with every other process wanting the cores; its thread time does not, so the bench
 * reports both and judges the target on thread time.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frames?: { processId: number; url: string }[] } };
}

export interface LongestTasks {
  /** The longest task by wall time, and by thread time (ms). */
  wallMs: number;
  threadMs: number;
  /** Tasks over 50 ms of thread time. */
  over50: number;
}

/** Every trace event of the timeline categories recorded while `run` runs. */
export async function collect(cdp: CDPSession, run: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (data: { value: object[] }) => {
    for (const event of data.value) events.push(event as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', '__metadata'] },
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

/** Runs `run` and measures the page's main-thread tasks meanwhile. */
export async function longestTasks(page: Page, run: () => Promise<unknown>): Promise<LongestTasks> {
  const cdp = await page.context().newCDPSession(page);
  const url = page.url();
  const events = await collect(cdp, run);
  await cdp.detach();
  const main = mainThreadOf(events, url);
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask');
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  return {
    wallMs: Math.max(0, ...tasks.map((t) => ms(t.dur))),
    threadMs: Math.max(0, ...tasks.map((t) => ms(t.tdur))),
    over50: tasks.filter((t) => ms(t.tdur) > 50).length,
  };
}

/** The main thread of the renderer showing `url`, as the trace names it. */
export function mainThreadOf(events: readonly TraceEvent[], url: string): { pid: number; tid: number } {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find((f) => f.url === url)?.processId;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === pid,
  );
  if (!main) throw new Error('no main thread found in the trace');
  return main;
}
