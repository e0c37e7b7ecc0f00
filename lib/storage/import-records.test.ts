// What one record of an import file may hold: each refusal names its own problem (the user fixes
// or reports the file from that sentence), and what is accepted is stored as the file said.
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH } from '../messages/reading';
import { exact } from '../model';
import { file, freshDb, importText, NOW, T0 } from '../../tests/unit/import-helpers';
import type { FeedlensDatabase } from './db';
import { EXPORT_FORMAT } from './export';

let db: FeedlensDatabase;
beforeEach(async () => {
  db = await freshDb();
});

const likes = (value: number) => ({ likes: exact(value) });
const withRecords = (posts: unknown[], snapshots: unknown[]) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, posts, snapshots });
const snapshotOf = (post: unknown) => withRecords([], [{ post, at: T0, counts: likes(1) }]);
const longId = 'a'.repeat(MAX_ID_LENGTH);
const posted = T0 - 3600_000;
const goodAges = { '1h': { counts: likes(4), off: 0 } };

describe('import refuses a record', () => {
  const refusals: [string, string, RegExp][] = [
    ['a post that is not an object', withRecords([5], []), /Post 1 in the file is not an object/],
    [
      'a post on an unknown platform, quoting only the start of its name',
      file({ platform: 'm'.repeat(100) }),
      /unknown platform \(m{40}\);/,
    ],
    ['a post with an empty id', file({ postId: '', key: 'x:' }), /has no post id/],
    ['a post with a number for an id', file({ postId: 1, key: 'x:1' }), /has no post id/],
    ['a post id longer than any site’s', file({ postId: `${longId}a`, key: `x:${longId}a` }), /has no post id/],
    ['a post without a first sighting', file({ firstSeenAt: undefined }), /has no times seen/],
    ['a post without a last sighting', file({ lastSeenAt: undefined }), /has no times seen/],
    ['a post without a snapshot time', file({ lastSnapshotAt: undefined }), /has no snapshot time/],
    ['a read time a minute ahead', file({ lastSeenAt: NOW + 60_000 }), /time outside 2004 to now/],
    ['a snapshot time before the first sighting', file({ lastSnapshotAt: T0 - 1 }), /snapshot time outside/],
    ['a snapshot time after the last sighting', file({ lastSnapshotAt: T0 + 1001 }), /snapshot time outside/],
    ['includes that are not a map', file({ includes: 'likes' }), /has malformed includes/],
    ['counts at ages that are not a map', file({ ages: 5 }), /malformed counts at fixed ages/],
    ['counts at an age Feedlens has not', file({ ages: { '3y': goodAges['1h'] } }), /fixed ages/],
    ['damaged counts at an age', file({ ages: { '1h': { counts: 'many', off: 0 } } }), /fixed ages/],
    ['an age sample without its offset', file({ ages: { '1h': { counts: likes(4), off: 'x' } } }), /fixed ages/],
    ['a latest reading that is not an object', file({ last: 5 }), /malformed latest reading/],
    ['a latest reading without a time', file({ last: { at: 'soon', counts: likes(7) } }), /malformed latest reading/],
    ['a latest reading with damaged counts', file({ last: { at: T0, counts: 'x' } }), /malformed latest reading/],
    ['a retention flag other than 1', file({ thin: 2 }), /malformed retention flag/],
    ['a snapshot that is not an object', withRecords([], [5]), /Snapshot 1 in the file is not an object/],
    ['a snapshot whose post key is a number', snapshotOf(5), /belongs to no post;/],
    ['a snapshot whose post key names no platform', snapshotOf('myspace:1'), /belongs to no post;/],
    ['a snapshot whose post key has no id', snapshotOf('x:'), /belongs to no post;/],
    ['a snapshot whose post key is too long', snapshotOf(`x:${longId}${'b'.repeat(15)}`), /belongs to no post;/],
  ];

  it.each(refusals)('refuses %s, naming the problem', async (_name, text, message) => {
    const outcome = await importText(db, text);
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    expect(await db.count('posts')).toBe(0);
  });

  it('refuses an age sample whose offset is infinite', async () => {
    const text = file({ ages: { '1h': { counts: likes(4), off: 0 } } }).replace('"off":0', '"off":1e999');
    expect(await importText(db, text)).toMatchObject({ ok: false, error: expect.stringMatching(/fixed ages/) });
  });

  it('says a snapshot of a post key as long as any post’s belongs to no post in the file', async () => {
    const key = `x:${longId}${'b'.repeat(14)}`;
    expect(await importText(db, snapshotOf(key))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/belongs to no post in the file/),
    });
  });
});

describe('import accepts and keeps', () => {
  it('a post id of the longest length a site may use', async () => {
    const outcome = await importText(db, file({ postId: longId, key: `x:${longId}` }, { post: `x:${longId}` }));
    expect(outcome.ok).toBe(true);
  });

  it('a post time a few minutes ahead of the clock, as pages round them', async () => {
    const outcome = await importText(db, file({ postedAt: NOW + 5 * 60_000 }));
    expect(outcome.ok).toBe(true);
    expect((await db.get('posts', 'x:1'))?.postedAt).toBe(NOW + 5 * 60_000);
  });

  it('the promoted, held-back and includes fields, and counts at ages sampled at the age itself', async () => {
    const includes = { likes: ['views'] };
    const outcome = await importText(
      db,
      file({ promoted: true, heldBack: 1, includes, postedAt: posted, ages: goodAges }),
    );
    expect(outcome.ok).toBe(true);
    expect(await db.get('posts', 'x:1')).toMatchObject({ promoted: true, heldBack: 1, includes, ages: goodAges });
  });

  it('the snapshot clock only when it is a time', async () => {
    await importText(db, file({ snapshotClock: T0 + 500 }));
    expect((await db.get('posts', 'x:1'))?.snapshotClock).toBe(T0 + 500);
    const other = await freshDb();
    await importText(other, file({ snapshotClock: 'later' }));
    expect(await other.get('posts', 'x:1')).not.toHaveProperty('snapshotClock');
  });

  it('the file’s latest reading when it is newer than any snapshot, else the newest snapshot', async () => {
    const newer = { at: T0 + 1000, counts: likes(9) };
    await importText(db, file({ lastSeenAt: T0 + 2000, last: newer }, { at: T0 + 500 }));
    expect((await db.get('posts', 'x:1'))?.last).toEqual(newer);
    const other = await freshDb();
    await importText(other, file({ last: { at: T0 + 200, counts: likes(2) } }));
    expect((await other.get('posts', 'x:1'))?.last).toEqual({ at: T0 + 1000, counts: likes(7) });
  });

  it('a post whose snapshots are due for thinning, flagged so the next prune thins it', async () => {
    const snapshots = [0, 60_000, 120_000].map((off) => ({ post: 'x:1', at: T0 + off, counts: likes(off) }));
    const base = JSON.parse(file({ lastSeenAt: T0 + 120_000, lastSnapshotAt: T0 + 120_000 }));
    await importText(db, withRecords(base.posts, snapshots));
    expect((await db.get('posts', 'x:1'))?.thin).toBe(1);
  });

  it('of two copies of a post, the count at an age observed closer to it', async () => {
    // Posted ten hours before it was seen: the snapshots say nothing about the first hour.
    const base = JSON.parse(file({ postedAt: T0 - 10 * 3600_000 })).posts[0];
    const older = { ...base, ages: { '1h': { counts: likes(4), off: 0 } } };
    const newer = { ...base, lastSeenAt: T0 + 9000, ages: { '1h': { counts: likes(5), off: 60_000 } } };
    const text = withRecords([older, newer], [{ post: 'x:1', at: T0 + 1000, counts: likes(7) }]);
    expect((await importText(db, text)).ok).toBe(true);
    expect((await db.get('posts', 'x:1'))?.ages?.['1h']).toEqual({ counts: likes(4), off: 0 });
  });

  it('the newest snapshot as the latest reading, whatever order the file lists them in', async () => {
    const base = JSON.parse(file()).posts[0];
    const snapshots = [T0 + 1000, T0].map((at) => ({ post: 'x:1', at, counts: likes(at - T0) }));
    await importText(db, withRecords([base], snapshots));
    expect((await db.get('posts', 'x:1'))?.last).toEqual({ at: T0 + 1000, counts: likes(1000) });
  });

  it('the thinning flag by the post’s age since publication, not since it was first seen', async () => {
    // Ten days old: hourly snapshots share one daily bucket (they would not share a 5-minute one).
    const hours = [0, 1, 2].map((h) => T0 + h * 3600_000);
    const base = JSON.parse(file({ postedAt: T0 - 10 * 24 * 3600_000 })).posts[0];
    const post = { ...base, lastSeenAt: hours[2], lastSnapshotAt: hours[2] };
    await importText(
      db,
      withRecords(
        [post],
        hours.map((at) => ({ post: 'x:1', at, counts: likes(at - T0) })),
      ),
    );
    const stored = await db.get('posts', 'x:1');
    expect(stored?.thin).toBe(1);
    // Seen days after every fixed age but the last, and too far from that one: no counts at ages.
    expect(stored).not.toHaveProperty('ages');
  });
});
