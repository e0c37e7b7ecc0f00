// Opening the store: a failed upgrade leaves the old store usable, and the background's one shared
// connection steps aside for an upgrade and reopens when needed (lib/storage/db.ts).
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { openDB, unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openV1Store } from '../../tests/unit/v1-store';
import { connectionCache, openFeedlensDb, type FeedlensDatabase } from './db';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const post = {
  key: 'x:1',
  platform: 'x',
  postId: '1',
  url: 'https://x.com/ada/status/1',
  firstSeenAt: 1,
  lastSeenAt: 1,
  lastSnapshotAt: 1,
  latest: {},
};

describe('upgrading the store', () => {
  it('leaves a v1 store as it was, at version 1, when the upgrade fails', async () => {
    const v1 = await openV1Store();
    await v1.put('posts', post);
    v1.close();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    });
    await expect(openFeedlensDb()).rejects.toThrow();
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/stays at version 1/), expect.anything());
    const after = await openDB('feedlens');
    expect(after.version).toBe(1);
    expect(await after.getAll('posts')).toEqual([post]);
    after.close();
  });
});

describe('the shared connection', () => {
  it('opens once and hands the same connection to every caller', async () => {
    const open = vi.fn(() => openFeedlensDb('shared'));
    const get = connectionCache(open);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('closes for a newer version that needs to upgrade, and opens anew when asked again', async () => {
    // Opens whatever version exists, as the newer version's page would after upgrading.
    const open = vi.fn(() => openDB('shared') as Promise<FeedlensDatabase>);
    const get = connectionCache(open);
    const first = await get();
    // Another page's newer version: its upgrade waits until this connection closes.
    const newer = await openDB('shared', first.version + 1);
    expect(newer.version).toBe(first.version + 1);
    newer.close();
    const second = await get();
    expect(second).not.toBe(first);
    expect(second.version).toBe(first.version + 1);
  });

  it('opens anew after the browser closed the connection', async () => {
    const open = vi.fn(() => openFeedlensDb('shared'));
    const get = connectionCache(open);
    const first = await get();
    forceCloseDatabase(unwrap(first) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    expect(await get()).not.toBe(first);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('tries again after a failed open', async () => {
    const open = vi
      .fn()
      .mockRejectedValueOnce(new Error('blocked'))
      .mockImplementation(() => openFeedlensDb('shared'));
    const get = connectionCache(open);
    await expect(get()).rejects.toThrow('blocked');
    expect((await get()).name).toBe('shared');
  });
});
