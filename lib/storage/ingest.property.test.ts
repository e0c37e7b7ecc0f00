/**
 * Property: a reading applied again (a content script resending what was not acknowledged, however
 * late) changes nothing, whatever came between: the same post records, counts at fixed ages and
 * snapshots as if each reading had come once.
 */
import * as fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Count, Counts, PostReading } from '../model';
import { openFeedlensDb } from './db';
import { ingestReadings } from './ingest';

const POSTED = Date.parse('2026-11-01T10:00:00Z');
const MIN = 60_000;

const count: fc.Arbitrary<Count> = fc.oneof(
  fc.integer({ min: 0, max: 50 }).map((value) => ({ precision: 'exact' as const, value })),
  fc
    .integer({ min: 1, max: 5 })
    .map((k) => ({ precision: 'rounded' as const, value: k * 1000, min: k * 1000, max: k * 1000 + 1000 })),
  fc.constant({ precision: 'hidden' as const }),
  fc.constant({ precision: 'unknown' as const, raw: '?' }),
);
const anyCounts: fc.Arbitrary<Counts> = fc.record({ likes: count, views: count, replies: count }, { requiredKeys: [] });

/** Readings of two posts, at distinct times around their first hours (so ages are in play), in any order. */
const readings = fc.uniqueArray(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 25 }).chain((minutes) =>
  fc.tuple(
    ...minutes.map((minute) =>
      fc
        .record({ post: fc.constantFrom('1', '2'), counts: anyCounts, text: fc.constantFrom(undefined, 'a text') })
        .map(({ post, counts, text }): PostReading => ({
          platform: 'x',
          postId: post,
          url: `https://x.com/ada/status/${post}`,
          author: 'ada',
          postedAt: POSTED,
          counts,
          readAt: POSTED + minute * MIN + Number(post),
          ...(text ? { text } : {}),
        })),
    ),
  ),
);

/** The readings cut into batches (each one transaction), in arrival order. */
function batches<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b)) {
    if (cut > start) out.push(items.slice(start, cut));
    start = Math.max(start, cut);
  }
  if (start < items.length) out.push(items.slice(start));
  return out;
}

async function storeAfter(batchList: readonly PostReading[][]) {
  globalThis.indexedDB = new IDBFactory();
  const db = await openFeedlensDb();
  for (const batch of batchList) await ingestReadings(db, batch);
  const state = { posts: await db.getAll('posts'), snapshots: await db.getAll('snapshots') };
  db.close();
  return state;
}

describe('applying a reading twice', () => {
  it('changes nothing, however late the second copy comes', async () => {
    await fc.assert(
      fc.asyncProperty(
        readings,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 10 }),
        async (list, cuts, resends) => {
          const once = batches(list, cuts);
          // Each resend copies a reading into its own batch or any later one.
          const twice = once.map((batch) => [...batch]);
          for (const [which, delay] of resends) {
            const batchIndex = which % once.length;
            const original = once[batchIndex]![which % once[batchIndex]!.length]!;
            const target = batchIndex + (delay % (once.length - batchIndex + 1));
            if (target === once.length) twice.push([original]);
            else twice[target]!.push(original);
          }
          expect(await storeAfter(twice)).toEqual(await storeAfter(once));
        },
      ),
      { numRuns: 150 },
    );
  });
});
