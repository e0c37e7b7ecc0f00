/**
 * Property: whatever a stopping service worker does to messages (loses them before they arrive,
 * loses the answer after the write committed, or never answers), every reading a content script
 * hands to delivery ends up stored exactly once: no reading lost, no snapshot twice.
 */
import * as fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createIngestQueue } from '../background/ingest-queue';
import { createReadingsInbox } from '../background/readings-inbox';
import { exact, type PostReading } from '../model';
import { openFeedlensDb } from '../storage/db';
import { createDelivery } from './delivery';

const T0 = Date.parse('2026-11-01T12:00:00Z');
const NOW = T0 + 3 * 3600_000;

/** What happens to one message on its way to a worker that Chrome may stop at any moment. */
type Fate = 'answered' | 'lost before arrival' | 'answer lost after commit' | 'never answered' | 'write failed';
const fates = fc.constantFrom<Fate>(
  'answered',
  'lost before arrival',
  'answer lost after commit',
  'never answered',
  'write failed',
);

/** Up to 4 posts whose like count changes with every reading, in the order a page shows them. */
const readingsArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }).map((posts) =>
  posts.map((post, i): PostReading => ({
    platform: 'x',
    postId: String(post),
    url: `https://x.com/ada/status/${post}`,
    counts: { likes: exact(i) },
    readAt: T0 + i * 60_000,
  })),
);

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('delivery through a worker that keeps stopping', () => {
  it('stores every reading exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        readingsArb,
        fc.array(fates, { maxLength: 12 }),
        fc.array(fc.nat(6)),
        async (readings, plan, cuts) => {
          globalThis.indexedDB = new IDBFactory();
          const db = await openFeedlensDb();
          const queue = createIngestQueue({ getDb: async () => db, delayMs: 0 });
          const inbox = createReadingsInbox({ push: (r) => queue.push(r), hostAllowed: () => true, now: () => NOW });
          const failing = createReadingsInbox({ push: async () => false, hostAllowed: () => true, now: () => NOW });
          const timers: (() => void)[] = [];
          let message = 0;
          const delivery = createDelivery({
            // After the plan, the worker behaves: delivery must then get everything through.
            async send(payload) {
              switch (plan[message++] ?? 'answered') {
                case 'answered':
                  return inbox(payload, 'x');
                case 'lost before arrival':
                  throw new Error('Could not establish connection. Receiving end does not exist.');
                case 'answer lost after commit':
                  await inbox(payload, 'x');
                  throw new Error('The message port closed before a response was received.');
                case 'never answered':
                  void inbox(payload, 'x');
                  return new Promise(() => undefined);
                case 'write failed':
                  return failing(payload, 'x');
              }
            },
            setTimer: (fire) => timers.push(fire),
          });

          // The reader hands readings over in batches, as its send timer fires.
          let start = 0;
          for (const cut of [...cuts, readings.length]) {
            const end = Math.min(readings.length, start + 1 + cut);
            if (end > start) delivery.add(readings.slice(start, end));
            start = end;
            await tick();
          }
          // Pauses and timeouts run out (a test fires them at once instead of waiting).
          for (let round = 0; round < 200 && delivery.stats().pending > 0; round++) {
            await tick();
            await queue.flush();
            for (const fire of timers.splice(0)) fire();
          }
          await queue.flush();

          expect(delivery.stats().pending).toBe(0);
          const snapshots = await db.getAll('snapshots');
          // Every reading changed its post’s count, a minute after the one before: each one
          // is exactly one snapshot.
          expect(
            snapshots
              .map((s) => s.counts.likes)
              .sort((a, b) => (a as { value: number }).value - (b as { value: number }).value),
          ).toEqual(readings.map((r) => r.counts.likes));
          for (const post of await db.getAll('posts')) {
            const mine = readings.filter((r) => r.postId === post.postId);
            expect(post.latest.likes).toEqual(mine.at(-1)!.counts.likes);
            expect(post.lastSeenAt).toBe(mine.at(-1)!.readAt);
          }
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
