import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exact, type PlatformId, type PostReading } from '../model';
import { openFeedlensDb, type FeedlensDatabase } from './db';
import { sameIdentity, sameText } from './identity';
import { ingestReadings } from './ingest';
import { snapshotsOf } from './queries';

const T0 = Date.parse('2026-11-01T12:00:00Z');
const MIN = 60_000;

function reading(platform: PlatformId, author: string, text: string, likes: number, readAt: number): PostReading {
  return {
    platform,
    postId: '1',
    url: platform === 'reddit' ? 'https://www.reddit.com/r/a/comments/1/x/' : 'https://x.com/ada/status/1',
    author,
    text,
    counts: { likes: exact(likes) },
    readAt,
  };
}

let db: FeedlensDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
});

describe('what a changed author on a known post id means', () => {
  it('on X, is a renamed handle: the id stays the key, the record takes the new handle and keeps its history', async () => {
    await ingestReadings(db, [reading('x', 'ada', 'Proofing baskets compared', 7, T0)]);
    await ingestReadings(db, [reading('x', 'ada_bakes', 'Proofing baskets compared', 9, T0 + MIN)]);
    const post = await db.get('posts', 'x:1');
    expect(post).toMatchObject({ author: 'ada_bakes', latest: { likes: exact(9) } });
    expect((await snapshotsOf(db, 'x:1')).map((s) => s.counts.likes)).toEqual([exact(7), exact(9)]);
  });

  it('never mixes two posts: another author with another text is refused whole', async () => {
    await ingestReadings(db, [reading('x', 'ada', 'Proofing baskets compared', 7, T0)]);
    const result = await ingestReadings(db, [reading('x', 'mallory', 'Buy followers now', 999_999, T0 + MIN)]);
    expect(result).toMatchObject({ refused: 1, snapshots: 0 });
    const post = await db.get('posts', 'x:1');
    expect(post).toMatchObject({
      author: 'ada',
      text: 'Proofing baskets compared',
      latest: { likes: exact(7) },
      lastSeenAt: T0,
    });
    expect(await db.count('snapshots')).toBe(1);
  });

  it('on Reddit, where usernames are permanent, refuses another author even with the same text', async () => {
    await ingestReadings(db, [reading('reddit', 'ada', 'A title', 7, T0)]);
    const result = await ingestReadings(db, [reading('reddit', 'bob', 'A title', 70, T0 + MIN)]);
    expect(result.refused).toBe(1);
    expect(await db.get('posts', 'reddit:1')).toMatchObject({ author: 'ada', latest: { likes: exact(7) } });
  });

  it('takes a handle that differs only in case as the same account, on every site', async () => {
    await ingestReadings(db, [reading('reddit', 'Ada', 'A title', 7, T0)]);
    const result = await ingestReadings(db, [reading('reddit', 'ada', 'A title', 8, T0 + MIN)]);
    expect(result.refused).toBe(0);
    expect((await db.get('posts', 'reddit:1'))?.latest.likes).toEqual(exact(8));
  });

  it('accepts an author change where either text is unknown, or one text is cut short', () => {
    const record = { platform: 'x' as const, author: 'ada', text: 'A long post that the feed cuts short and more' };
    expect(sameIdentity(record, { author: 'ada2' })).toBe(true);
    expect(sameIdentity(record, { author: 'ada2', text: 'A long post that the feed cuts…' })).toBe(true);
    expect(sameIdentity(record, { author: 'ada2', text: 'Another post' })).toBe(false);
    expect(sameIdentity({ platform: 'x', text: 'x' }, { author: 'anyone', text: 'y' })).toBe(true);
    expect(sameText('Hello   world', 'hello world...')).toBe(true);
    expect(sameIdentity(record, { text: 'Another post' })).toBe(true);
    expect(sameIdentity({ platform: 'x', author: 'ada' }, { author: 'bob', text: 'y' })).toBe(true);
  });

  it('compares texts ignoring case, spacing and a trailing ellipsis, whichever is the shorter', () => {
    expect(sameText('A long post…', 'A long post that goes on')).toBe(true);
    expect(sameText('  A LONG post', 'a long post that goes on')).toBe(true);
    // Words cut elsewhere, or an ellipsis inside the text, are other texts.
    expect(sameText('hello world', 'hell oworld')).toBe(false);
    expect(sameText('Wait... what', 'Wait what')).toBe(false);
  });
});
