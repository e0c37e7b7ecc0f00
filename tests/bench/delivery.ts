/**
 * What acknowledged delivery costs the page, per reading: main-thread CPU time (CDP `ThreadTime`)
 * of the content script's world sending readings with lib/content/delivery.ts (kept until the
 * background answers they are stored) against today's plain fire-and-forget `sendMessage`, in
 * interleaved rounds in the same browser.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';
import { defaultSettings } from '../../lib/settings/settings';
import { launch } from '../browser/harness';

/** As the reader sends them: 75 readings a message (five posts a frame for a 250 ms send delay). */
export const PER_MESSAGE = 75;
export const MESSAGES = 20;
const PAGE = 'https://x.com/bench-delivery';

export interface DeliveryBenchResult {
  plainPerReading: number;
  deliveredPerReading: number;
}

async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

export async function benchDelivery(rounds = 7): Promise<DeliveryBenchResult> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./delivery-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
  });
  const harness = await launch();
  try {
    const settings = defaultSettings();
    settings.overlay.enabled = false;
    await harness.saveSettings(settings);
    harness.serve(PAGE, '<!doctype html><html lang="en"><head><title>bench</title></head><body></body></html>');
    const page = await harness.open(PAGE);
    // Attached after the navigation (a new site is a new renderer); Runtime.enable then reports
    // the worlds already there.
    const cdp = await harness.context.newCDPSession(page);
    // The content script's isolated world: where its sends really run.
    let world: number | undefined;
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) world = context.id;
    });
    await cdp.send('Runtime.enable');
    await cdp.send('Performance.enable');
    const worldSeen = () => world !== undefined;
    for (const deadline = Date.now() + 10_000; !worldSeen() && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 100));
    if (world === undefined) throw new Error('the content script’s world never appeared');
    const evaluate = async (expression: string) => {
      const { exceptionDetails, result } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as unknown;
    };

    await evaluate(bundle.outputFiles[0]!.text);

    const readings = MESSAGES * PER_MESSAGE;
    const plain: number[] = [];
    const delivered: number[] = [];
    // Round 0 warms both paths up (the worker's first transactions, JIT) and is not counted.
    for (let round = 0; round <= rounds; round++) {
      for (const [kind, times] of [
        ['plain', plain],
        ['delivered', delivered],
      ] as const) {
        const before = await threadTime(cdp);
        const stored = await evaluate(
          `feedlensDeliveryBench.${kind}(${round * 2 + (kind === 'plain' ? 0 : 1)}, ${MESSAGES}, ${PER_MESSAGE})`,
        );
        const spent = (await threadTime(cdp)) - before;
        if (kind === 'delivered' && stored !== readings)
          throw new Error(`stored ${String(stored)} of ${readings} readings`);
        if (round > 0) times.push(spent / readings);
      }
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    return { plainPerReading: median(plain), deliveredPerReading: median(delivered) };
  } finally {
    await harness.close();
  }
}
