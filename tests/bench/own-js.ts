/**
 * An extension's own JavaScript on a page's main thread, from a Chromium trace: the thread (CPU)
 * time of every top-level `FunctionCall` whose script is an extension's (its observer callbacks,
 * frame and timer callbacks, event listeners: everything it runs after its first evaluation,
 * with the DOM work, style recalculation and garbage collection those calls cause).
 */
import type { Page } from 'playwright-core';
import { collect, mainThreadOf } from '../browser/trace';

/** Runs `run` on `page` and returns the milliseconds of thread time extensions' scripts took meanwhile. */
export async function extensionScriptMs(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const url = page.url();
  const events = await collect(cdp, run);
  await cdp.detach();
  const main = mainThreadOf(events, url);
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
