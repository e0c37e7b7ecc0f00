import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_COUNT } from '../messages/reading';
import { exact } from '../model';
import { file, freshDb, importText, NOW, reading, T0 } from '../../tests/unit/import-helpers';
import type { FeedlensDatabase } from './db';
import { EXPORT_FORMAT, exportText } from './export';
import { ingestReadings } from './ingest';
import { snapshotsOf } from './queries';

let db: FeedlensDatabase;
beforeEach(async () => {
  db = await freshDb();
});

describe('import', () => {
  it('restores an export into another browser exactly, however the file arrives in pieces', async () => {
    await ingestReadings(db, [reading('1', T0, 5), reading('1', T0 + 1000, 6), reading('2', T0, 1)]);
    const text = await exportText(db);
    for (const size of [1, 7, 4096]) {
      const other = await freshDb();
      expect(await importText(other, text, { size })).toMatchObject({ ok: true, result: { posts: 2, snapshots: 3 } });
      expect(await other.getAll('posts')).toEqual(await db.getAll('posts'));
      expect(await other.getAll('snapshots')).toEqual(await db.getAll('snapshots'));
    }
  });

  it('merges with what is stored: newer counts win, history is the union', async () => {
    await ingestReadings(db, [reading('1', T0, 5)]);
    const backup = await exportText(db);
    await ingestReadings(db, [reading('1', T0 + 5000, 9)]);
    expect((await importText(db, backup)).ok).toBe(true);
    expect((await db.get('posts', 'x:1'))?.latest.likes).toEqual(exact(9));
    expect((await snapshotsOf(db, 'x:1')).map((s) => s.at)).toEqual([T0, T0 + 5000]);
  });

  it('keeps the newest copy when the file holds a post twice, in either order', async () => {
    const older = { lastSeenAt: T0 + 1000, lastSnapshotAt: T0 + 1000, latest: { likes: exact(3), views: exact(90) } };
    const newer = {
      firstSeenAt: T0 + 500,
      lastSeenAt: T0 + 9000,
      lastSnapshotAt: T0 + 9000,
      latest: { likes: exact(8) },
      text: 'edited',
    };
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const other = await freshDb();
      const base = JSON.parse(file());
      base.posts = order.map((copy) => ({ ...base.posts[0], ...copy }));
      const outcome = await importText(other, JSON.stringify(base), { size: 50 });
      expect(outcome).toMatchObject({ ok: true, result: { posts: 1, duplicates: 1 } });
      const post = await other.get('posts', 'x:1');
      // Seen from the earliest first sighting to the latest snapshot of either copy.
      expect(post).toMatchObject({ lastSeenAt: T0 + 9000, lastSnapshotAt: T0 + 9000, text: 'edited', firstSeenAt: T0 });
      // The newer copy's counts win; a count only the older one has is kept, as a later reading would keep it.
      expect(post?.latest).toEqual({ likes: exact(8), views: exact(90) });
    }
  });

  it('keeps what is stored when the file’s copy was seen at the same moment', async () => {
    await ingestReadings(db, [reading('1', T0 + 1000, 7)]);
    expect((await importText(db, file({ text: 'from the file' }))).ok).toBe(true);
    expect((await db.get('posts', 'x:1'))?.text).toBe('hello <b>world</b>');
  });

  it('accepts snapshots before their post, and Reddit’s negative net score', async () => {
    const text = JSON.stringify({
      snapshots: [{ post: 'reddit:t3_a', at: T0, counts: { likes: exact(-12), replies: exact(3) } }],
      posts: [
        {
          key: 'reddit:t3_a',
          platform: 'reddit',
          postId: 't3_a',
          url: 'https://www.reddit.com/r/x/comments/a/',
          firstSeenAt: T0,
          lastSeenAt: T0,
          lastSnapshotAt: T0,
          latest: { likes: exact(-12), replies: exact(3) },
        },
      ],
      version: 1,
      format: EXPORT_FORMAT,
    });
    expect(await importText(db, text)).toMatchObject({ ok: true, result: { posts: 1, snapshots: 1 } });
    expect((await db.get('posts', 'reddit:t3_a'))?.latest.likes).toEqual(exact(-12));
  });

  it('counts posts the retention choice will delete, so the user can be told', async () => {
    const outcome = await importText(db, file(), { retentionCutoff: T0 + 5000 });
    expect(outcome).toMatchObject({ ok: true, result: { beyondRetention: 1 } });
  });

  const refusals: [string, string, RegExp][] = [
    ['not JSON', '{"format":"feedlens-export",', /not valid JSON.*cut short/],
    ['another program’s JSON', '{"hello":1}', /not a Feedlens export/],
    ['a JSON array', '[1,2,3]', /not valid JSON \(not an object/],
    [
      'a future version',
      JSON.stringify({ format: EXPORT_FORMAT, version: 99, posts: [], snapshots: [] }),
      /version 99/,
    ],
    ['a file without a version', JSON.stringify({ format: EXPORT_FORMAT, posts: [], snapshots: [] }), /format version/],
    [
      'a file without snapshots',
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, posts: [] }),
      /missing its posts or snapshots/,
    ],
    [
      'a post with a bad platform',
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, posts: [{ platform: 'myspace' }], snapshots: [] }),
      /Post 1 .*unknown platform/,
    ],
    [
      'a snapshot of no post',
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: 1,
        posts: [],
        snapshots: [{ post: 'x:1', at: T0, counts: {} }],
      }),
      /Snapshot 1 .*belongs to no post/,
    ],
    ['a negative count', file({ latest: { likes: exact(-5) } }), /Post 1 .*counts no site shows/],
    ['a count of 1e308', file({ latest: { views: exact(1e308) } }), /Post 1 .*counts no site shows/],
    ['a count just over the bound', file({ latest: { views: exact(MAX_COUNT + 1) } }), /counts no site shows/],
    ['a fractional count', file({ latest: { likes: exact(0.5) } }), /Post 1 .*counts no site shows/],
    [
      'a rounded count with a fractional bound',
      file({ latest: { views: { precision: 'rounded', value: 1200, min: 1150.5, max: 1250 } } }),
      /counts no site shows/,
    ],
    [
      'a damaged count',
      file({ latest: { likes: { precision: 'exact', value: 'many' } } }),
      /Post 1 .*malformed counts/,
    ],
    ['a negative snapshot count', file({}, { counts: { likes: exact(-1) } }), /Snapshot 1 .*counts no site shows/],
    ['a time past the Date range', file({ lastSeenAt: 1e20 }), /Post 1 .*time outside 2004 to now/],
    ['a time before 2004', file({ firstSeenAt: Date.UTC(1999, 0, 1) }), /time outside 2004 to now/],
    ['a time days in the future', file({ lastSeenAt: NOW + 3 * 24 * 3600_000 }), /time outside 2004 to now/],
    ['a post time in the future', file({ postedAt: NOW + 3 * 24 * 3600_000 }), /time outside 2004 to now/],
    ['a snapshot time past the Date range', file({}, { at: 9e15 }), /Snapshot 1 .*time outside/],
    ['first seen after last seen', file({ firstSeenAt: T0 + 5000 }), /first seen after it was last seen/],
    ['an X post linking elsewhere', file({ url: 'https://evil.example/ada/status/1' }), /post on X whose link is not/],
    ['an X post over http', file({ url: 'http://x.com/ada/status/1' }), /whose link is not an https address/],
    ['text longer than a reading’s', file({ text: 'a'.repeat(281) }), /malformed author, text/],
    ['a key that does not match', file({ key: 'x:2' }), /key that does not match/],
    ['damaged settings', file({}, {}, { settings: 'all of them' }), /settings are damaged/],
  ];

  it.each(refusals)('refuses %s with a clear message and changes nothing', async (_name, text, message) => {
    await ingestReadings(db, [reading('1', T0, 5)]);
    const before = await exportText(db, { now: T0 });
    const outcome = await importText(db, text);
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    expect(outcome).toMatchObject({ error: expect.stringMatching(/[Nn]othing was imported/) });
    expect(await exportText(db, { now: T0 })).toBe(before);
  });

  // 3,000 posts through fake-indexeddb: seconds on a loaded 2-core machine, hence the longer timeout.
  it(
    'refuses a file damaged at its very end, after thousands of good records, and changes nothing',
    { timeout: 30_000 },
    async () => {
      await ingestReadings(db, [reading('1', T0, 5)]);
      const source = await freshDb();
      await ingestReadings(
        source,
        Array.from({ length: 3000 }, (_, i) => reading(String(i + 2), T0 + i, i)),
      );
      const good = JSON.parse(await exportText(source));
      good.snapshots.push({ post: 'x:2', at: T0 + 1, counts: { likes: exact(0.25) } });
      const before = await exportText(db, { now: T0 });
      expect(await importText(db, JSON.stringify(good), { size: 65536 })).toMatchObject({
        ok: false,
        error:
          'Snapshot 3001 in the file has counts no site shows (negative, fractional or too large); nothing was imported.',
      });
      expect(await exportText(db, { now: T0 })).toBe(before);
    },
  );

  it('still imports a file exported before schema v2, computing the counts at fixed ages', async () => {
    const posted = Date.parse('2026-11-01T11:00:00Z');
    const v1File = {
      format: 'feedlens-export',
      version: 1,
      schemaVersion: 1,
      exportedAt: '2026-11-01T12:00:00.000Z',
      posts: [
        {
          key: 'x:1',
          platform: 'x',
          postId: '1',
          url: 'https://x.com/ada/status/1',
          author: 'ada',
          postedAt: posted,
          firstSeenAt: posted + 55 * 60_000,
          lastSeenAt: posted + 65 * 60_000,
          lastSnapshotAt: posted + 65 * 60_000,
          latest: { likes: { precision: 'exact', value: 30 } },
        },
      ],
      snapshots: [
        { post: 'x:1', at: posted + 55 * 60_000, counts: { likes: { precision: 'exact', value: 10 } } },
        { post: 'x:1', at: posted + 65 * 60_000, counts: { likes: { precision: 'exact', value: 30 } } },
      ],
    };
    expect((await importText(db, JSON.stringify(v1File))).ok).toBe(true);
    const post = await db.get('posts', 'x:1');
    expect(post).toMatchObject(v1File.posts[0]!);
    expect(post?.ages?.['1h']?.counts.likes).toMatchObject({ value: 20 });
    expect(post?.last).toEqual({ at: posted + 65 * 60_000, counts: { likes: exact(30) } });
  });

  it('round-trips counts at fixed ages, interpolated ones included, and refuses malformed ones', async () => {
    const posted = T0 - 3600_000;
    // Seen at 40 and 80 minutes: the 1 h value is interpolated halfway, 8.5 likes.
    await ingestReadings(db, [
      { ...reading('1', posted + 40 * 60_000, 5), postedAt: posted },
      { ...reading('1', posted + 80 * 60_000, 12), postedAt: posted },
    ]);
    const text = await exportText(db);
    const exported = JSON.parse(text);
    expect(exported.schemaVersion).toBe(2);
    expect(exported.posts[0].ages['1h'].counts.likes.value).toBe(8.5);
    const other = await freshDb();
    expect((await importText(other, text)).ok).toBe(true);
    expect(await other.getAll('posts')).toEqual(await db.getAll('posts'));
    exported.posts[0].ages['1h'].off = -1;
    expect(await importText(await freshDb(), JSON.stringify(exported))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/fixed ages/),
    });
  });

  it('restores settings only when the user agreed, with any snooze dropped', async () => {
    const settings = { accounts: { x: ['ada'] }, hide: { enabled: true, snoozeUntil: NOW + 60_000 } };
    const withSettings = file({}, {}, { settings });
    const agreed = await importText(db, withSettings, { restoreSettings: true });
    expect(agreed).toMatchObject({ ok: true, result: { settings: { accounts: { x: ['ada'] } } } });
    if (agreed.ok) expect(agreed.result.settings?.hide.snoozeUntil).toBe(0);
    expect((await importText(await freshDb(), withSettings)).ok).toBe(true);
  });
});
