/**
 * An extension's own JavaScript on a page's main thread, from a Chromium trace: the thread (CPU)
 * time of every top-level `FunctionCall` whose script is an extension's (its observer callbacks,
 * frame and timer callbacks, event listeners: everything it runs after its first evaluation,
 * with the DOM work, style recalculation and garbage collection those calls cause).
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frames?: { processId: number; url: string }[] } };
}

async function collect(cdp: CDPSession, run: () => Promise<unknown>): Promise<TraceEvent[]> {
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

/** Runs `run` on `page` and returns the milliseconds of thread time extensions' scripts took meanwhile. */
export async function extensionScriptMs(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const url = page.url();
  const events = await collect(cdp, run);
  await cdp.detach();
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find((f) => f.url === url)?.processId;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === pid,
  );
  if (!main) throw new Error('no main thread found in the trace');
  const calls = events
    .filter(
      (e) =>
        e.pid === main.pid &&
        e.tid === main.tid &&
        e.ph === 'X' &&
        e.name === 'FunctionCall' &&
        e.args?.data?.url?.startsWith('chrome-extension://'),
    )
    .sort((a, b) => a.ts - b.ts);
  // Only top-level calls: a call nested in another (a listener run by our own dispatch) is in its time.
  let end = -Infinity;
  let us = 0;
  for (const call of calls) {
    if (call.ts < end) continue;
    end = call.ts + (call.dur ?? 0);
    us += call.tdur ?? call.dur ?? 0;
  }
  return us / 1000;
}
