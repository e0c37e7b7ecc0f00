/**
 * Evaluated in an extension page by the dashboard benchmark: seeds a year of data (100,000 posts,
 * 1,000,000 snapshots) into the extension's own IndexedDB through the real schema (openFeedlensDb).
 * A direct seeder rather than the ingest path (which would take an hour here): every post record
 * gets its v2 fields from `deriveFromSnapshots`, the same code the v1 → v2 upgrade uses, so the
 * records are exactly what Feedlens would hold.
 */
import type { Counts, PlatformId } from '../../lib/model';
import { openFeedlensDb, type PostRecord, type SnapshotRecord } from '../../lib/storage/db';
import { deriveFromSnapshots, withDerived } from '../../lib/storage/derive';

export const YEAR_POSTS = 100_000;
export const SNAPSHOTS_PER_POST = 10;
/** Posts per write transaction (with their snapshots). */
const BATCH = 2000;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** When each post was seen (minutes after posting): around every fixed age, as a regular reader would. */
const SEEN_AT = [20, 50, 70, 180, 330, 400, 1200, 1560, 7200, 11520];

/** Deterministic random numbers (mulberry32), so every run seeds the same year. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLATFORMS: PlatformId[] = ['x', 'x', 'x', 'x', 'x', 'x', 'youtube', 'youtube', 'reddit', 'bluesky'];

function urlOf(platform: PlatformId, author: string, id: string): string {
  if (platform === 'x') return `https://x.com/${author}/status/${id}`;
  if (platform === 'youtube') return `https://www.youtube.com/watch?v=${id}`;
  if (platform === 'reddit') return `https://www.reddit.com/r/bench/comments/${id}/`;
  return `https://bsky.app/profile/${author}/post/${id}`;
}

function countsAt(platform: PlatformId, reach: number, minutes: number): Counts {
  const likes = Math.round(reach * (1 - Math.exp(-minutes / 600)));
  const c = (value: number) => ({ precision: 'exact' as const, value: Math.round(value) });
  if (platform === 'reddit') return { likes: c(likes), replies: c(likes * 0.2) };
  if (platform === 'bluesky') return { likes: c(likes), reposts: c(likes * 0.1), replies: c(likes * 0.05) };
  if (platform === 'youtube') return { likes: c(likes), replies: c(likes * 0.03), views: c(likes * 25 + 40) };
  return {
    likes: c(likes),
    reposts: c(likes * 0.1),
    replies: c(likes * 0.05),
    bookmarks: c(likes * 0.02),
    views: c(likes * 40 + 30),
  };
}

/** One post and its snapshots. Every 200th X post is the user's own ("me"); `pageAuthors` get 300 posts each. */
function generate(i: number, now: number, rand: () => number, pageAuthors: readonly string[]) {
  const platform = PLATFORMS[i % PLATFORMS.length]!;
  let author = `user${Math.floor(rand() * 2000)}`;
  if (platform === 'x' && i % 200 === 0) author = 'me';
  else if (platform === 'x' && i % 200 < 1 + pageAuthors.length * 1.5 && i < 300 * 200)
    author = pageAuthors[i % pageAuthors.length]!;
  const postId = String(1_800_000_000_000_000_000n + BigInt(i));
  const key = `${platform}:${postId}`;
  // Posted over the past year, at least 9 days ago, so all ten sightings are in the past.
  const postedAt = now - 9 * DAY - Math.floor(rand() * 356 * DAY);
  const reach = Math.exp(rand() * 8); // 1 to ~3,000 likes
  const snapshots: SnapshotRecord[] = SEEN_AT.map((m) => ({
    post: key,
    at: postedAt + m * MIN,
    counts: countsAt(platform, reach, m),
  }));
  const last = snapshots[snapshots.length - 1]!;
  const post: PostRecord = {
    key,
    platform,
    postId,
    url: urlOf(platform, author, postId),
    author,
    postedAt,
    text: `Post ${i} by ${author}: a sentence or two of ordinary text, as most posts have, to give the record its usual size.`,
    ...(platform === 'bluesky' ? { includes: { reposts: ['quotes' as const] } } : {}),
    firstSeenAt: snapshots[0]!.at,
    lastSeenAt: last.at,
    latest: last.counts,
    lastSnapshotAt: last.at,
  };
  return { post: withDerived(post, deriveFromSnapshots(post, snapshots)), snapshots };
}

async function seedYear(options: {
  now: number;
  pageAuthors: string[];
}): Promise<{ posts: number; snapshots: number; ms: number }> {
  const started = performance.now();
  const db = await openFeedlensDb();
  const rand = random(20261122);
  for (let start = 0; start < YEAR_POSTS; start += BATCH) {
    const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
    const posts = tx.objectStore('posts');
    const snaps = tx.objectStore('snapshots');
    const writes: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(YEAR_POSTS, start + BATCH); i++) {
      const { post, snapshots } = generate(i, options.now, rand, options.pageAuthors);
      writes.push(posts.put(post));
      for (const s of snapshots) writes.push(snaps.put(s));
    }
    await Promise.all([...writes, tx.done]);
  }
  const [posts, snapshots] = await Promise.all([db.count('posts'), db.count('snapshots')]);
  db.close();
  return { posts, snapshots, ms: performance.now() - started };
}

async function counts(): Promise<{ posts: number; snapshots: number }> {
  const db = await openFeedlensDb();
  const [posts, snapshots] = await Promise.all([db.count('posts'), db.count('snapshots')]);
  db.close();
  return { posts, snapshots };
}

/** The raw-IndexedDB baseline: one getAll of `n` post records, in ms. */
async function rawRead(n: number): Promise<number> {
  const db = await openFeedlensDb();
  const started = performance.now();
  const records = await db.getAll('posts', null, n);
  const ms = performance.now() - started;
  db.close();
  if (records.length !== n) throw new Error(`read ${records.length} records, expected ${n}`);
  return ms;
}

(globalThis as unknown as { feedlensBench: object }).feedlensBench = { seedYear, counts, rawRead };
