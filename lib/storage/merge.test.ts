import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exact, type Counts, type PostReading } from '../model';
import { openFeedlensDb, type FeedlensDatabase } from './db';
import { createPostCache, ingestReadings } from './ingest';
import { groupByPost } from './merge';
import { snapshotsOf } from './queries';

const MIN = 60_000;
const HOUR = 60 * MIN;
const POSTED = Date.parse('2026-05-09T11:36:35Z');
const FALLBACK = 'fp:merve-artis:1a2b3c4d5e6f7';
const REAL = 'ugcPost:7458842354569883649';

/** A LinkedIn post first read by its fingerprint (no id, no time), then by its id (with its time). */
function byFingerprint(readAt: number, counts: Counts): PostReading {
  return {
    platform: 'linkedin',
    postId: FALLBACK,
    url: 'https://www.linkedin.com/in/merve-artis/',
    author: 'merve-artis',
    text: 'I always thought my first LinkedIn post would be from my graduation ceremony',
    counts,
    readAt,
  };
}
function byId(readAt: number, counts: Counts, extra: Partial<PostReading> = {}): PostReading {
  return {
    platform: 'linkedin',
    postId: REAL,
    url: `https://www.linkedin.com/feed/update/urn:li:${REAL}/`,
    author: 'merve-artis',
    postedAt: POSTED,
    counts,
    aliases: [FALLBACK],
    readAt,
    ...extra,
  };
}

let db: FeedlensDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
});

describe('merging a post stored under its fingerprint into its real key', () => {
  it('moves the history to the real key, keeps the first sighting, and deletes the fingerprint record', async () => {
    const first = POSTED + 50 * MIN;
    await ingestReadings(db, [byFingerprint(first, { likes: exact(10) })]);
    await ingestReadings(db, [byFingerprint(first + 8 * MIN, { likes: exact(12), replies: exact(1) })]);
    await ingestReadings(db, [byId(first + 20 * MIN, { likes: exact(16) })]);

    expect((await db.getAll('posts')).map((p) => p.key)).toEqual([`linkedin:${REAL}`]);
    const post = (await db.get('posts', `linkedin:${REAL}`))!;
    expect(post).toMatchObject({
      postId: REAL,
      url: `https://www.linkedin.com/feed/update/urn:li:${REAL}/`,
      firstSeenAt: first,
      lastSeenAt: first + 20 * MIN,
      postedAt: POSTED,
      text: 'I always thought my first LinkedIn post would be from my graduation ceremony',
      // Newest per metric: the id reading has no comment count, the fingerprint's 1 stays.
      latest: { likes: exact(16), replies: exact(1) },
    });
    expect((await snapshotsOf(db, `linkedin:${REAL}`)).map((s) => [s.at - first, s.counts.likes])).toEqual([
      [0, exact(10)],
      [8 * MIN, exact(12)],
      [20 * MIN, exact(16)],
    ]);
    expect(await snapshotsOf(db, `linkedin:${FALLBACK}`)).toEqual([]);
    // The fingerprint record had no post time; now its reading at 58 minutes counts for 1 h, with the
    // one at 70: a sixth of the way from 12 to 16 (the 70-minute reading alone would have said 16).
    const atOneHour = post.ages!['1h']!.counts.likes as { precision: string; value: number };
    expect(atOneHour.precision).toBe('estimated');
    expect(atOneHour.value).toBeCloseTo(12 + 4 / 6);
  });

  it('merges into a record the real key already has, newest facts winning metric by metric', async () => {
    await ingestReadings(db, [byId(POSTED + 2 * HOUR, { likes: exact(14), replies: exact(1) }, { aliases: [] })]);
    await ingestReadings(db, [byFingerprint(POSTED + 3 * HOUR, { likes: exact(15) })]);
    await ingestReadings(db, [byId(POSTED + 4 * HOUR, { reposts: exact(2) })]);
    const post = (await db.get('posts', `linkedin:${REAL}`))!;
    expect(post).toMatchObject({
      firstSeenAt: POSTED + 2 * HOUR,
      lastSeenAt: POSTED + 4 * HOUR,
      latest: { likes: exact(15), replies: exact(1), reposts: exact(2) },
      last: { at: POSTED + 4 * HOUR, counts: { reposts: exact(2) } },
    });
    expect((await snapshotsOf(db, `linkedin:${REAL}`)).map((s) => s.at - POSTED)).toEqual([
      2 * HOUR,
      3 * HOUR,
      4 * HOUR,
    ]);
    expect(await db.count('posts')).toBe(1);
  });

  it('in one batch, files the fingerprint reading under the real key instead of writing it again', async () => {
    const at = POSTED + HOUR;
    await ingestReadings(db, [byFingerprint(at, { likes: exact(16) }), byId(at + 500, { likes: exact(16) })]);
    expect((await db.getAll('posts')).map((p) => p.key)).toEqual([`linkedin:${REAL}`]);
    expect((await snapshotsOf(db, `linkedin:${REAL}`)).map((s) => s.at)).toEqual([at]);
    expect(groupByPost([byFingerprint(at, {}), byId(at, {})]).get(`linkedin:${REAL}`)).toHaveLength(2);
  });

  it('changes nothing when no record is stored under the alias, and costs one lookup', async () => {
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    await ingestReadings(db, [byId(POSTED + HOUR, { likes: exact(16) })]);
    expect(get).toHaveBeenCalledTimes(2); // the post itself and its alias
    expect((await db.getAll('posts')).map((p) => p.key)).toEqual([`linkedin:${REAL}`]);
  });

  it('never merges across platforms: an alias names a post of the reading’s own platform', async () => {
    await ingestReadings(db, [{ ...byFingerprint(POSTED, { likes: exact(1) }), platform: 'facebook' }]);
    await ingestReadings(db, [byId(POSTED + HOUR, { likes: exact(16) })]);
    expect((await db.getAll('posts')).map((p) => p.key).sort()).toEqual([`facebook:${FALLBACK}`, `linkedin:${REAL}`]);
  });

  it('forgets the merged-away record in the ingest cache, so a later sighting cannot revive stale data', async () => {
    const cache = createPostCache();
    await ingestReadings(db, [byFingerprint(POSTED, { likes: exact(3) })], undefined, cache);
    await ingestReadings(db, [byId(POSTED + HOUR, { likes: exact(16) })], undefined, cache);
    expect(cache.get(`linkedin:${FALLBACK}`)).toBeUndefined();
    // Seen again without its id (another tab): a new fingerprint record, with only the new reading.
    await ingestReadings(db, [byFingerprint(POSTED + 2 * HOUR, { likes: exact(17) })], undefined, cache);
    expect((await snapshotsOf(db, `linkedin:${FALLBACK}`)).map((s) => s.counts.likes)).toEqual([exact(17)]);
    expect((await db.get('posts', `linkedin:${FALLBACK}`))?.firstSeenAt).toBe(POSTED + 2 * HOUR);
  });

  it('rolls the merge back with the batch when a write fails, losing neither record', async () => {
    await ingestReadings(db, [byFingerprint(POSTED, { likes: exact(3) })]);
    const realDelete = IDBObjectStore.prototype.delete;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'posts') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realDelete.apply(this, args);
    });
    await expect(ingestReadings(db, [byId(POSTED + HOUR, { likes: exact(16) })])).rejects.toThrow();
    failing.mockRestore();
    expect((await db.getAll('posts')).map((p) => p.key)).toEqual([`linkedin:${FALLBACK}`]);
    expect((await snapshotsOf(db, `linkedin:${FALLBACK}`)).map((s) => s.counts.likes)).toEqual([exact(3)]);
  });

  it('takes each fact from the newer record that has it, whichever key was seen first', async () => {
    // The real key seen after the fingerprint, and the merging reading knowing nothing new.
    const fingerprint = {
      ...byFingerprint(POSTED + 2 * HOUR, { likes: exact(14), replies: exact(1) }),
      author: undefined,
    };
    await ingestReadings(db, [{ ...fingerprint, promoted: true, includes: { likes: ['views'] } }]);
    await ingestReadings(db, [byId(POSTED + 3 * HOUR, { likes: exact(15) }, { aliases: [] })]);
    await ingestReadings(db, [byId(POSTED + 4 * HOUR, {}, { author: undefined, postedAt: undefined })]);
    const post = (await db.get('posts', `linkedin:${REAL}`))!;
    expect(post).toMatchObject({
      author: 'merve-artis',
      postedAt: POSTED,
      text: fingerprint.text,
      includes: { likes: ['views'] },
      promoted: true,
      latest: { likes: exact(15), replies: exact(1) },
      firstSeenAt: POSTED + 2 * HOUR,
      lastSnapshotAt: POSTED + 3 * HOUR,
    });
  });

  it('marks a merged post promoted only when a record was, and adds no empty fields', async () => {
    await ingestReadings(db, [byId(POSTED + 2 * HOUR, { likes: exact(14) }, { aliases: [] })]);
    await ingestReadings(db, [{ ...byFingerprint(POSTED + 3 * HOUR, { likes: exact(15) }), text: undefined }]);
    await ingestReadings(db, [byId(POSTED + 4 * HOUR, { likes: exact(16) })]);
    const post = (await db.get('posts', `linkedin:${REAL}`))!;
    for (const field of ['promoted', 'text', 'includes']) expect(post).not.toHaveProperty(field);
  });

  it('keeps the real key’s own snapshot when both keys have one at the same instant', async () => {
    const at = POSTED + HOUR;
    await ingestReadings(db, [byId(at, { likes: exact(20) }, { aliases: [] })]);
    await ingestReadings(db, [byFingerprint(at, { likes: exact(10) })]);
    await ingestReadings(db, [byId(at + HOUR, { likes: exact(21) })]);
    expect((await snapshotsOf(db, `linkedin:${REAL}`)).map((s) => s.counts.likes)).toEqual([exact(20), exact(21)]);
  });

  it('ignores a reading naming its own id among its aliases', async () => {
    await ingestReadings(db, [byId(POSTED + HOUR, { likes: exact(16) }, { aliases: [REAL] })]);
    await ingestReadings(db, [byId(POSTED + 2 * HOUR, { likes: exact(17) }, { aliases: [REAL] })]);
    expect((await snapshotsOf(db, `linkedin:${REAL}`)).map((s) => s.counts.likes)).toEqual([exact(16), exact(17)]);
    expect(await db.count('posts')).toBe(1);
  });

  it('counts at fixed ages over the joined history, where the fingerprint’s readings straddle the age', async () => {
    await ingestReadings(db, [byId(POSTED + 3 * HOUR, { likes: exact(30) }, { aliases: [] })]);
    await ingestReadings(db, [byFingerprint(POSTED + 55 * MIN, { likes: exact(10) })]);
    await ingestReadings(db, [byFingerprint(POSTED + 65 * MIN, { likes: exact(20) })]);
    await ingestReadings(db, [byId(POSTED + 4 * HOUR, { likes: exact(31) })]);
    const atOneHour = (await db.get('posts', `linkedin:${REAL}`))!.ages!['1h']!.counts.likes as { value: number };
    expect(atOneHour.value).toBeCloseTo(15);
  });

  it('keeps a reading at the age itself, and the newest reading, though neither made a snapshot', async () => {
    await ingestReadings(db, [byId(POSTED + 50 * MIN, { likes: exact(10) }, { aliases: [] })]);
    // Nothing changed: no snapshot, but this is the count at 1 h and the newest point.
    await ingestReadings(db, [byId(POSTED + 60 * MIN, { likes: exact(10) }, { aliases: [] })]);
    await ingestReadings(db, [byFingerprint(POSTED + 55 * MIN, { likes: exact(10) })]);
    await ingestReadings(db, [byId(POSTED + 3 * HOUR, {})]);
    const post = (await db.get('posts', `linkedin:${REAL}`))!;
    expect(post.ages?.['1h']).toMatchObject({ counts: { likes: exact(10) }, off: 0 });
    expect(post.last).toEqual({ at: POSTED + 60 * MIN, counts: { likes: exact(10) } });
  });

  it('keeps a record’s count at an age when the joined history has no count at any age', async () => {
    await ingestReadings(db, [byId(POSTED + 40 * MIN, { likes: exact(10) }, { aliases: [] })]);
    await ingestReadings(db, [byId(POSTED + 60 * MIN, { likes: exact(10) }, { aliases: [] })]);
    await ingestReadings(db, [byFingerprint(POSTED + 2 * HOUR, { likes: exact(10) })]);
    await ingestReadings(db, [byId(POSTED + 3 * HOUR, {})]);
    expect((await db.get('posts', `linkedin:${REAL}`))!.ages?.['1h']).toEqual({ counts: { likes: exact(10) }, off: 0 });
  });

  it('prefers the joined history’s count at an age when it is closer than a record’s', async () => {
    // The real record's 1 h count stands on a reading 10 minutes early; the fingerprint saw the hour.
    await ingestReadings(db, [byId(POSTED + 50 * MIN, { likes: exact(10) }, { aliases: [] })]);
    await ingestReadings(db, [byFingerprint(POSTED + 60 * MIN, { likes: exact(12) })]);
    await ingestReadings(db, [byId(POSTED + 3 * HOUR, {})]);
    expect((await db.get('posts', `linkedin:${REAL}`))!.ages?.['1h']).toEqual({ counts: { likes: exact(12) }, off: 0 });
  });

  it('ignores counts at ages a record took from another post time', async () => {
    // The fingerprint's post time was 10 minutes off: its "1 h" is the post's 70 minutes.
    const guessed = { postedAt: POSTED + 10 * MIN };
    await ingestReadings(db, [byId(POSTED + 100 * MIN, { likes: exact(8) }, { aliases: [] })]);
    await ingestReadings(db, [{ ...byFingerprint(POSTED + 50 * MIN, { likes: exact(2) }), ...guessed }]);
    await ingestReadings(db, [{ ...byFingerprint(POSTED + 70 * MIN, { likes: exact(6) }), ...guessed }]);
    await ingestReadings(db, [byId(POSTED + 2 * HOUR, { likes: exact(9) })]);
    const atOneHour = (await db.get('posts', `linkedin:${REAL}`))!.ages!['1h']!.counts.likes as { value: number };
    expect(atOneHour.value).toBeCloseTo(4);
  });
});
