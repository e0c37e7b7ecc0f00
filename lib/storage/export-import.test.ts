import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exact, type PostReading } from '../model';
import { openFeedlensDb, type FeedlensDatabase } from './db';
import { EXPORT_FORMAT, EXPORT_VERSION, exportChunks, exportFileName } from './export';
import { importData, parseImport } from './import';
import { ingestReadings } from './ingest';
import { snapshotsOf } from './queries';

const T0 = Date.parse('2026-11-01T12:00:00Z');

function reading(postId: string, readAt: number, likes: number): PostReading {
  return {
    platform: 'x',
    postId,
    url: `https://x.com/ada/status/${postId}`,
    author: 'ada',
    text: 'hello <b>world</b>',
    counts: { likes: exact(likes) },
    readAt,
  };
}

async function freshDb(): Promise<FeedlensDatabase> {
  globalThis.indexedDB = new IDBFactory();
  return openFeedlensDb();
}

async function exportText(db: FeedlensDatabase): Promise<string> {
  return (await exportChunks(db, T0)).join('');
}

let db: FeedlensDatabase;
beforeEach(async () => {
  db = await freshDb();
});

describe('export', () => {
  it('writes every post and snapshot into one versioned JSON document', async () => {
    await ingestReadings(db, [reading('1', T0, 5), reading('1', T0 + 1000, 6), reading('2', T0, 1)]);
    const file = JSON.parse(await exportText(db));
    expect(file).toMatchObject({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: '2026-11-01T12:00:00.000Z',
    });
    expect(file.posts.map((p: { key: string }) => p.key)).toEqual(['x:1', 'x:2']);
    expect(file.snapshots).toHaveLength(3);
    expect(exportFileName(T0)).toBe('feedlens-export-2026-11-01.json');
  });

  it('exports an empty store as a valid file', async () => {
    expect(JSON.parse(await exportText(db))).toMatchObject({ posts: [], snapshots: [] });
  });

  // 4,500 posts through fake-indexeddb: seconds on a loaded 2-core machine, hence the longer timeout.
  it('pages through stores larger than one read', { timeout: 30_000 }, async () => {
    const many = Array.from({ length: 4500 }, (_, i) => reading(String(i + 1), T0 + i, i));
    await ingestReadings(db, many);
    const file = JSON.parse(await exportText(db));
    expect(file.posts).toHaveLength(4500);
    expect(new Set(file.posts.map((p: { key: string }) => p.key)).size).toBe(4500);
    expect(file.snapshots).toHaveLength(4500);
  });
});

describe('import', () => {
  it('restores an export into another browser exactly', async () => {
    await ingestReadings(db, [reading('1', T0, 5), reading('1', T0 + 1000, 6)]);
    const text = await exportText(db);
    const other = await freshDb();
    const parsed = parseImport(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(await importData(other, parsed.data)).toEqual({ posts: 1, snapshots: 2 });
    expect(await other.getAll('posts')).toEqual(await db.getAll('posts'));
    expect(await snapshotsOf(other, 'x:1')).toEqual(await snapshotsOf(db, 'x:1'));
  });

  it('merges with what is stored: newer counts win, history is the union', async () => {
    await ingestReadings(db, [reading('1', T0, 5)]);
    const backup = await exportText(db);
    await ingestReadings(db, [reading('1', T0 + 5000, 9)]);
    const parsed = parseImport(backup);
    if (!parsed.ok) throw new Error(parsed.error);
    await importData(db, parsed.data);
    expect((await db.get('posts', 'x:1'))?.latest.likes).toEqual(exact(9));
    expect((await snapshotsOf(db, 'x:1')).map((s) => s.at)).toEqual([T0, T0 + 5000]);
  });

  it.each([
    ['not JSON', '{"format":"feedlens-export",', /not valid JSON/],
    ['another program’s JSON', '{"hello":1}', /not a Feedlens export/],
    [
      'a future version',
      JSON.stringify({ format: EXPORT_FORMAT, version: 99, posts: [], snapshots: [] }),
      /version 99/,
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
  ])('refuses %s with a clear message and changes nothing', async (_name, text, message) => {
    await ingestReadings(db, [reading('1', T0, 5)]);
    const before = await exportText(db);
    const parsed = parseImport(text);
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    expect(await exportText(db)).toBe(before);
  });

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
    const parsed = parseImport(JSON.stringify(v1File));
    if (!parsed.ok) throw new Error(parsed.error);
    await importData(db, parsed.data);
    const post = await db.get('posts', 'x:1');
    expect(post).toMatchObject(v1File.posts[0]!);
    expect(post?.ages?.['1h']?.counts.likes).toMatchObject({ value: 20 });
    expect(post?.last).toEqual({ at: posted + 65 * 60_000, counts: { likes: exact(30) } });
  });

  it('round-trips the counts at fixed ages, and refuses malformed ones', async () => {
    const posted = T0 - 3600_000;
    await ingestReadings(db, [{ ...reading('1', T0, 5), postedAt: posted }]);
    const text = await exportText(db);
    const file = JSON.parse(text);
    expect(file.schemaVersion).toBe(2);
    expect(file.posts[0].ages['1h']).toEqual({ counts: { likes: exact(5) }, off: 0 });
    const other = await freshDb();
    const parsed = parseImport(text);
    if (!parsed.ok) throw new Error(parsed.error);
    await importData(other, parsed.data);
    expect(await other.getAll('posts')).toEqual(await db.getAll('posts'));
    file.posts[0].ages['1h'].off = -1;
    expect(parseImport(JSON.stringify(file))).toMatchObject({ ok: false, error: expect.stringMatching(/fixed ages/) });
  });

  it('refuses a file whose counts are damaged, naming the post', async () => {
    await ingestReadings(db, [reading('1', T0, 5)]);
    const file = JSON.parse(await exportText(db));
    file.posts[0].latest.likes = { precision: 'exact', value: 'many' };
    expect(parseImport(JSON.stringify(file))).toEqual({
      ok: false,
      error: 'Post 1 in the file has malformed counts; nothing was imported.',
    });
  });
});
