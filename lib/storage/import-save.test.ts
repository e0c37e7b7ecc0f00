import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb, hostAllowed, importText, NOW, pieces, reading, T0 } from '../../tests/unit/import-helpers';
import type { FeedlensDatabase } from './db';
import { exportText } from './export';
import { startImportCheck } from './import-check';
import { saveStaged } from './import-save';
import { discardStaging, openStaging, readMeta, stagingExists } from './import-staging';
import { ingestReadings } from './ingest';

let db: FeedlensDatabase;
let file: string;
beforeEach(async () => {
  const source = await freshDb();
  await ingestReadings(
    source,
    Array.from({ length: 40 }, (_, i) => [
      reading(String(i + 1), T0 + i, i),
      reading(String(i + 1), T0 + 5000 + i, i + 1),
    ]).flat(),
  );
  file = await exportText(source);
  db = await freshDb();
  await ingestReadings(db, [reading('1', T0 - 5000, 1)]);
});

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('saving a checked import', () => {
  it('leaves the store as it was when cancelled while checking, and drops what was staged', async () => {
    const before = await exportText(db, { now: T0 });
    const staging = await openStaging();
    const check = await startImportCheck(staging, { now: NOW, hostAllowed });
    const parts = pieces(file, 200);
    for (const part of parts.slice(0, parts.length / 2)) await check.write(part);
    expect(await staging.count('posts')).toBeGreaterThan(0);
    // What the background does on Cancel, or when the page closes.
    await discardStaging(staging);
    expect(await stagingExists()).toBe(false);
    expect(await exportText(db, { now: T0 })).toBe(before);
  });

  it('continues where it stopped when saving was cut short, ending as one uninterrupted import would', async () => {
    const whole = await freshDb();
    await ingestReadings(whole, [reading('1', T0 - 5000, 1)]);
    expect((await importText(whole, file)).ok).toBe(true);

    const staging = await openStaging();
    const check = await startImportCheck(staging, { now: NOW, hostAllowed });
    for (const part of pieces(file, 500)) await check.write(part);
    await check.finish();
    let writes = 0;
    const stopAfterTwo = () => {
      // Called before and after each write: the third write's start is where the browser "stops".
      if (++writes === 5) throw new Error('the service worker stopped');
    };
    await expect(saveStaged(db, staging, { batch: 7, aroundWrite: stopAfterTwo })).rejects.toThrow(/stopped/);
    const cut = await readMeta(staging);
    expect(cut).toMatchObject({ state: 'saving', posts: 40 });
    // Cut in the middle: some pieces saved, saving resumes from the first one not fully saved.
    expect(cut!.pieces).toBeGreaterThan(3);
    expect(cut!.savedPieces).toBeGreaterThan(0);
    expect(cut!.savedPieces).toBeLessThan(cut!.pieces!);
    const halfway = await db.count('posts');
    expect(halfway).toBeGreaterThan(1);
    expect(halfway).toBeLessThan(40);
    // The next start: the rest is saved, and what was saved already is not changed by it.
    const done = await saveStaged(db, staging, { batch: 7 });
    expect(done).toMatchObject({ savedPosts: 40, savedSnapshots: 80, savedPieces: cut!.pieces });
    await discardStaging(staging);
    expect(await db.getAll('posts')).toEqual(await whole.getAll('posts'));
    expect(await db.getAll('snapshots')).toEqual(await whole.getAll('snapshots'));
  });

  it('makes room and retries a batch once when storage is full, and gives up if it is still full', async () => {
    let refusals = 1;
    const aroundWrite = vi.fn(() => {
      if (aroundWrite.mock.calls.length % 2 === 1 && refusals-- > 0) throw quotaError();
    });
    const makeRoom = vi.fn(async () => undefined);
    expect(await importText(db, file, { save: { batch: 10, aroundWrite, makeRoom } })).toMatchObject({ ok: true });
    expect(makeRoom).toHaveBeenCalledTimes(1);
    expect(await db.count('posts')).toBe(40);

    const full = await freshDb();
    const alwaysFull = () => {
      throw quotaError();
    };
    await expect(importText(full, file, { save: { aroundWrite: alwaysFull, makeRoom } })).rejects.toThrow(/quota/);
    expect(makeRoom).toHaveBeenCalledTimes(2);
    expect(await full.count('posts')).toBe(0);
  });

  it('saves posts that have no snapshot in the file, batch by batch, reporting progress', async () => {
    const parsed = JSON.parse(file);
    parsed.snapshots = parsed.snapshots.filter((s: { post: string }) => s.post === 'x:1');
    const progress: number[] = [];
    const outcome = await importText(db, JSON.stringify(parsed), {
      save: { batch: 16, onProgress: (meta) => progress.push(meta.savedPosts ?? 0) },
    });
    expect(outcome).toMatchObject({ ok: true, result: { posts: 40 } });
    expect(await db.count('posts')).toBe(40);
    // x:1 with its snapshots first; then the others in key order, 16 at a time, x:1 (in the first
    // batch) not counted twice.
    expect(progress.slice(-3)).toEqual([16, 32, 40]);
  });

  it('completes a stored post from its own stored history and the file’s, not a neighbour’s', async () => {
    const posted = T0 - 3600_000;
    const other = await freshDb();
    // Stored: x:1 seen at 55 minutes without its post time, x:0 (sorted before it) just before the hour.
    await ingestReadings(other, [reading('0', posted + 58 * 60_000, 999), reading('1', posted + 55 * 60_000, 10)]);
    const text = JSON.stringify({
      ...JSON.parse(file),
      posts: [
        {
          ...JSON.parse(file).posts[0],
          postedAt: posted,
          firstSeenAt: posted + 65 * 60_000,
          lastSeenAt: posted + 65 * 60_000,
          lastSnapshotAt: posted + 65 * 60_000,
          latest: { likes: { precision: 'exact', value: 20 } },
        },
      ],
      snapshots: [{ post: 'x:1', at: posted + 65 * 60_000, counts: { likes: { precision: 'exact', value: 20 } } }],
    });
    expect((await importText(other, text)).ok).toBe(true);
    // Halfway between 10 likes at 55 minutes and 20 at 65.
    const atOneHour = (await other.get('posts', 'x:1'))?.ages?.['1h']?.counts.likes as { value: number };
    expect(atOneHour.value).toBeCloseTo(15);
  });

  it('lets whoever caches posts forget them after the last write, as well as before', async () => {
    const seen: number[] = [];
    const aroundWrite = () => void db.count('posts').then((n) => seen.push(n));
    expect((await importText(db, file, { save: { aroundWrite } })).ok).toBe(true);
    await db.count('posts');
    expect(seen.at(-1)).toBe(40);
  });

  it('makes room only for a lack of space: any other failure stops saving at once', async () => {
    const makeRoom = vi.fn(async () => undefined);
    const broken = () => {
      throw new Error('the disk is unplugged');
    };
    await expect(importText(db, file, { save: { aroundWrite: broken, makeRoom } })).rejects.toThrow(/unplugged/);
    expect(makeRoom).not.toHaveBeenCalled();
  });

  it('refuses to save when nothing was checked', async () => {
    const staging = await openStaging();
    await expect(saveStaged(db, staging)).rejects.toThrow('Nothing checked is waiting to be saved.');
    await discardStaging(staging);
  });

  it('knows whether an import is waiting in staging, also where the browser cannot list databases', async () => {
    expect(await stagingExists()).toBe(false);
    const staging = await openStaging();
    // The store exists too: only the staging database's own name counts.
    expect(await stagingExists()).toBe(true);
    await discardStaging(staging);
    await discardStaging(null);
    expect(await stagingExists()).toBe(false);
    // Without indexedDB.databases (older browsers) a waiting import is assumed.
    // (Each test has its own factory: this one's is changed for the rest of this test only.)
    Object.defineProperty(indexedDB, 'databases', { value: undefined });
    expect(await stagingExists()).toBe(true);
  });

  it('rolls back a batch whose write fails, and stops with the error', async () => {
    const before = await exportText(db, { now: T0 });
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.transaction.db.name === 'feedlens' && this.name === 'posts') throw new Error('the disk failed');
      return realPut.apply(this, args);
    });
    await expect(importText(db, file)).rejects.toThrow(/disk failed/);
    vi.restoreAllMocks();
    expect(await exportText(db, { now: T0 })).toBe(before);
  });
});
