/**
 * Bundled into a page by the benchmark: Feedlens's real ingest path against raw idb puts, both in
 * Chromium's IndexedDB.
 */
import { deleteDB, openDB } from 'idb';
import type { PostReading } from '../../lib/model';
import { openFeedlensDb } from '../../lib/storage/db';
import { createIngestQueue } from '../../lib/background/ingest-queue';

/** 100 posts × N changing readings each: every reading is a new snapshot. */
function readings(total: number, posts: number): PostReading[] {
  const list: PostReading[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < total; i++) {
    const post = i % posts;
    const round = Math.floor(i / posts);
    list.push({
      platform: 'x',
      postId: String(1_800_000_000_000_000_000n + BigInt(post)),
      url: `https://x.com/user${post % 50}/status/${1_800_000_000_000_000_000n + BigInt(post)}`,
      author: `user${post % 50}`,
      text: 'A post of ordinary length, with a sentence or two of text in it, as most are.',
      counts: {
        likes: { precision: 'exact', value: 10 + round * 3 },
        reposts: { precision: 'exact', value: 2 + round },
        replies: { precision: 'exact', value: 1 + (round >> 1) },
        views: { precision: 'rounded', value: 12000 + round * 100, min: 11950 + round * 100, max: 12050 + round * 100 },
      },
      readAt: start + round * 60_000 + post,
    });
  }
  return list;
}

async function timeRaw(total: number): Promise<number> {
  await deleteDB('bench-raw');
  const db = await openDB('bench-raw', 1, {
    upgrade(d) {
      d.createObjectStore('snapshots', { keyPath: ['post', 'at'] });
    },
  });
  const records = readings(total, 1000).map((r) => ({ post: `x:${r.postId}`, at: r.readAt, counts: r.counts }));
  const started = performance.now();
  const tx = db.transaction('snapshots', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  const elapsed = performance.now() - started;
  db.close();
  await deleteDB('bench-raw');
  return elapsed;
}

/**
 * The background's real write path: readings arrive as messages of `batch` readings and go
 * through its ingest queue (batched transactions, post-record cache), as they would from tabs.
 */
async function timeFeedlens(total: number, batch: number): Promise<number> {
  await deleteDB('bench-feedlens');
  const db = await openFeedlensDb('bench-feedlens');
  const all = readings(total, 1000);
  let failed: unknown = null;
  const queue = createIngestQueue({ getDb: async () => db, onError: (error) => (failed = error) });
  const started = performance.now();
  for (let i = 0; i < all.length; i += batch) queue.push(all.slice(i, i + batch));
  await queue.flush();
  const elapsed = performance.now() - started;
  const count = await db.count('snapshots');
  db.close();
  await deleteDB('bench-feedlens');
  if (failed) throw failed;
  if (count !== total) throw new Error(`expected ${total} snapshots, stored ${count}`);
  return elapsed;
}

(window as unknown as { feedlensBench: object }).feedlensBench = { timeRaw, timeFeedlens };
