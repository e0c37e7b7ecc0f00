import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openV1Store } from '../../tests/unit/v1-store';
import { DB_VERSION, openFeedlensDb } from './db';
import { newestPostsOfAuthor, newestPostsOnPlatform } from './queries';

const MIN = 60_000;
const HOUR = 60 * MIN;
const POSTED = Date.parse('2026-11-01T12:00:00Z');

/** Records exactly as the v1 code wrote them (lib/storage/ingest.ts at schema v1). */
const V1_POSTS = [
  {
    key: 'x:1858979112345600001',
    platform: 'x',
    postId: '1858979112345600001',
    url: 'https://x.com/ada/status/1858979112345600001',
    author: 'ada',
    postedAt: POSTED,
    text: 'The Analytical Engine weaves algebraic patterns',
    firstSeenAt: POSTED + 40 * MIN,
    lastSeenAt: POSTED + 80 * MIN,
    latest: {
      likes: { precision: 'exact', value: 200 },
      views: { precision: 'rounded', value: 12000, min: 11500, max: 12500 },
    },
    lastSnapshotAt: POSTED + 80 * MIN,
  },
  {
    key: 'bluesky:at://did:plc:abc/app.bsky.feed.post/3k',
    platform: 'bluesky',
    postId: 'at://did:plc:abc/app.bsky.feed.post/3k',
    url: 'https://bsky.app/profile/bob.bsky.social/post/3k',
    author: 'bob.bsky.social',
    includes: { reposts: ['quotes'] },
    firstSeenAt: POSTED,
    lastSeenAt: POSTED + 2 * MIN,
    latest: { likes: { precision: 'exact', value: 3 } },
    lastSnapshotAt: POSTED + 2 * MIN,
  },
];
const V1_SNAPSHOTS = [
  { post: 'x:1858979112345600001', at: POSTED + 40 * MIN, counts: { likes: { precision: 'exact', value: 100 } } },
  {
    post: 'x:1858979112345600001',
    at: POSTED + 80 * MIN,
    counts: {
      likes: { precision: 'exact', value: 200 },
      views: { precision: 'rounded', value: 12000, min: 11500, max: 12500 },
    },
  },
  {
    post: 'bluesky:at://did:plc:abc/app.bsky.feed.post/3k',
    at: POSTED,
    counts: { likes: { precision: 'exact', value: 1 } },
  },
  {
    post: 'bluesky:at://did:plc:abc/app.bsky.feed.post/3k',
    at: POSTED + MIN,
    counts: { likes: { precision: 'exact', value: 2 } },
  },
  {
    post: 'bluesky:at://did:plc:abc/app.bsky.feed.post/3k',
    at: POSTED + 2 * MIN,
    counts: { likes: { precision: 'exact', value: 3 } },
  },
];

/** A database created by the v1 schema code, with v1 records in it. */
async function createV1Database(): Promise<void> {
  const v1 = await openV1Store();
  const tx = v1.transaction(['posts', 'snapshots'], 'readwrite');
  await Promise.all([
    ...V1_POSTS.map((p) => tx.objectStore('posts').put(p)),
    ...V1_SNAPSHOTS.map((s) => tx.objectStore('snapshots').put(s)),
    tx.done,
  ]);
  v1.close();
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('upgrading a v1 store to v2', () => {
  it('keeps every v1 record intact and adds counts at fixed ages, the latest reading and the retention flag', async () => {
    await createV1Database();
    const db = await openFeedlensDb();
    expect(db.version).toBe(DB_VERSION);

    const x = await db.get('posts', 'x:1858979112345600001');
    // Every v1 field unchanged.
    expect(x).toMatchObject(V1_POSTS[0]!);
    // Seen at 40 and 80 minutes: 1 h interpolated between them (likes only: views were not read at 40 min).
    expect(x?.ages).toEqual({
      '1h': { counts: { likes: { precision: 'estimated', value: 150, min: 150, max: 150 } }, off: 20 * MIN },
    });
    expect(x?.last).toEqual({ at: V1_SNAPSHOTS[1]!.at, counts: V1_SNAPSHOTS[1]!.counts });
    expect(x?.thin).toBeUndefined();

    const bluesky = await db.get('posts', 'bluesky:at://did:plc:abc/app.bsky.feed.post/3k');
    expect(bluesky).toMatchObject(V1_POSTS[1]!);
    expect(bluesky?.ages).toBeUndefined(); // no post time: no ages
    expect(bluesky?.thin).toBe(1); // three snapshots within five minutes

    expect(await db.getAll('snapshots')).toEqual(
      [...V1_SNAPSHOTS].sort((a, b) => (a.post < b.post ? -1 : a.post > b.post ? 1 : a.at - b.at)),
    );
  });

  it('creates the v2 indexes and answers through them', async () => {
    await createV1Database();
    const db = await openFeedlensDb();
    expect([...db.transaction('posts').store.indexNames].sort()).toEqual([
      'by-author',
      'by-author-posted',
      'by-platform-posted',
      'by-platform-seen',
      'by-thin',
    ]);
    expect((await newestPostsOfAuthor(db, 'x', 'ada', 10)).map((p) => p.key)).toEqual(['x:1858979112345600001']);
    expect(await newestPostsOnPlatform(db, 'x', 10, { from: POSTED + HOUR })).toEqual([]);
    expect(await db.getAllKeysFromIndex('posts', 'by-thin', 1)).toEqual([
      'bluesky:at://did:plc:abc/app.bsky.feed.post/3k',
    ]);
  });

  it('creates a fresh v2 store directly', async () => {
    const db = await openFeedlensDb();
    expect(db.version).toBe(2);
    expect(db.transaction('posts').store.indexNames.contains('by-author-posted')).toBe(true);
    expect(await db.count('posts')).toBe(0);
  });

  it('upgrades a store larger than one page of the upgrade', async () => {
    const v1 = await openV1Store();
    const tx = v1.transaction(['posts', 'snapshots'], 'readwrite');
    for (let i = 0; i < 1200; i++) {
      const key = `x:${String(i).padStart(5, '0')}`;
      void tx.objectStore('posts').put({ ...V1_POSTS[0]!, key, postId: key.slice(2) });
      void tx.objectStore('snapshots').put({ ...V1_SNAPSHOTS[0]!, post: key });
      void tx.objectStore('snapshots').put({ ...V1_SNAPSHOTS[1]!, post: key });
    }
    await tx.done;
    v1.close();
    const db = await openFeedlensDb();
    const posts = await db.getAll('posts');
    expect(posts).toHaveLength(1200);
    expect(posts.every((p) => p.ages?.['1h']?.counts.likes)).toBe(true);
  });

  it('upgrades an empty v1 store', async () => {
    const v1 = await openV1Store();
    v1.close();
    const db = await openFeedlensDb();
    expect(db.version).toBe(2);
    expect(await db.count('posts')).toBe(0);
  });
});
