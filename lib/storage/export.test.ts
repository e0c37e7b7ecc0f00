import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/settings';
import { freshDb, reading, T0 } from '../../tests/unit/import-helpers';
import type { FeedlensDatabase } from './db';
import { EXPORT_FORMAT, EXPORT_VERSION, exportBlob, exportFileName, exportText, type ExportProgress } from './export';
import { ingestReadings } from './ingest';

let db: FeedlensDatabase;
beforeEach(async () => {
  db = await freshDb();
});

describe('export', () => {
  it('writes every post and snapshot into one versioned JSON document', async () => {
    await ingestReadings(db, [reading('1', T0, 5), reading('1', T0 + 1000, 6), reading('2', T0, 1)]);
    const file = JSON.parse(await exportText(db, { now: T0 }));
    expect(file).toMatchObject({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: '2026-11-01T12:00:00.000Z',
    });
    expect(file.settings).toBeUndefined();
    expect(file.posts.map((p: { key: string }) => p.key)).toEqual(['x:1', 'x:2']);
    expect(file.snapshots).toHaveLength(3);
    expect(exportFileName(T0)).toBe('feedlens-export-2026-11-01.json');
  });

  it('exports an empty store as a valid file', async () => {
    expect(JSON.parse(await exportText(db))).toMatchObject({ posts: [], snapshots: [] });
  });

  it('includes the settings when asked to', async () => {
    const settings = { ...defaultSettings(), accounts: { ...defaultSettings().accounts, x: ['ada'] } };
    const file = JSON.parse(await exportText(db, { settings }));
    expect(file.settings).toEqual(settings);
  });

  // 4,500 posts through fake-indexeddb: seconds on a loaded 2-core machine, hence the longer timeout.
  it('pages through stores larger than one read, telling how far it has got', { timeout: 30_000 }, async () => {
    const many = Array.from({ length: 4500 }, (_, i) => reading(String(i + 1), T0 + i, i));
    await ingestReadings(db, many);
    const progress: ExportProgress[] = [];
    const text = await exportText(db, { now: T0, onProgress: (p) => progress.push(p) });
    const file = JSON.parse(text);
    expect(file.posts).toHaveLength(4500);
    expect(new Set(file.posts.map((p: { key: string }) => p.key)).size).toBe(4500);
    expect(file.snapshots).toHaveLength(4500);
    expect(progress[0]).toEqual({ posts: 0, totalPosts: 4500, snapshots: 0, totalSnapshots: 4500 });
    // Posts 400 at a time, then snapshots 2,000 at a time.
    expect(progress.map((p) => p.posts)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => i * 400),
      4500,
      4500,
      4500,
      4500,
    ]);
    expect(progress.map((p) => p.snapshots).slice(-3)).toEqual([2000, 4000, 4500]);
    expect(progress.at(-1)).toEqual({ posts: 4500, totalPosts: 4500, snapshots: 4500, totalSnapshots: 4500 });
    // The Blob built piece by piece is the same file.
    const blob = await exportBlob(db, { now: T0 });
    expect(JSON.parse(await blob.text())).toEqual(file);
    expect(blob.type).toBe('application/json');
  });

  it('writes a valid file when a store fills its last read exactly', async () => {
    await ingestReadings(
      db,
      Array.from({ length: 400 }, (_, i) => reading(String(i + 1), T0 + i, i)),
    );
    expect(JSON.parse(await exportText(db)).posts).toHaveLength(400);
  });
});
