/**
 * Bundled into a content script's isolated world by the delivery benchmark: the real delivery
 * module (lib/content/delivery.ts) with the real transport, against plain fire-and-forget sends.
 */
import { createDelivery } from '../../lib/content/delivery';
import type { PostReading } from '../../lib/model';

interface Runtime {
  sendMessage(message: object): Promise<unknown>;
}
const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;

/** `messages` × `perMessage` readings of the reader's shape, of posts never seen before. */
function readings(round: number, messages: number, perMessage: number): PostReading[][] {
  const now = Date.now();
  return Array.from({ length: messages }, (_, m) =>
    Array.from({ length: perMessage }, (_unused, j) => {
      const id = `19${String(round).padStart(4, '0')}${String(m * perMessage + j).padStart(8, '0')}`;
      const counts = { replies: j % 13, reposts: j % 29, likes: 100 + j, views: 3700 + j };
      return {
        platform: 'x' as const,
        postId: id,
        url: `https://x.com/user${j}/status/${id}`,
        author: `user${j}`,
        postedAt: now - 3600_000,
        text: `Post number ${j}: the feed keeps going as you scroll.`,
        counts: Object.fromEntries(
          Object.entries(counts).map(([metric, value]) => [metric, { precision: 'exact', value, raw: String(value) }]),
        ),
        readAt: now,
      };
    }),
  );
}

/** Today's send: every message on its way at once, nothing kept, the answer ignored. */
async function plain(round: number, messages: number, perMessage: number): Promise<void> {
  const batches = readings(round, messages, perMessage);
  // A type the background ignores: the trip alone, as before acknowledgements.
  await Promise.all(
    batches.map((batch) => runtime.sendMessage({ type: 'bench-ignored', readings: batch }).catch(() => 0)),
  );
}

/** Acknowledged delivery: resolves once the background has said every reading is stored. */
async function delivered(round: number, messages: number, perMessage: number): Promise<number> {
  let done: (stored: number) => void;
  const finished = new Promise<number>((resolve) => (done = resolve));
  const delivery = createDelivery({
    // Told when the last answer has been handled (no polling: it would cost time of its own); a
    // task later, since the delivery handles the answer after this callback's promise settles.
    send: (message) =>
      runtime
        .sendMessage(message)
        .finally(() => setTimeout(() => delivery.stats().pending === 0 && done(delivery.stats().stored), 0)),
    setTimer: (callback, ms) => void setTimeout(callback, ms),
  });
  for (const batch of readings(round, messages, perMessage)) delivery.add(batch);
  return finished;
}

(globalThis as unknown as { feedlensDeliveryBench: object }).feedlensDeliveryBench = { plain, delivered };
