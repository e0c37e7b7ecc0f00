import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../settings/settings';
import { saveSettings } from '../settings/store';
import type { FeedlensDatabase } from '../storage/db';
import { ingestReadings } from '../storage/ingest';
import { freshDb, reading, T0 } from '../../tests/unit/import-helpers';
import { createQuotaHandler, quotaNotice, SPACE_RETURN_MS } from './data-quota';
import { loadNotices } from './data-status';
import { createIngestQueue } from './ingest-queue';

const DAY = 24 * 3600 * 1000;
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

let db: FeedlensDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = await freshDb();
  await ingestReadings(db, [reading('1', T0, 1), reading('2', T0 + 50 * DAY, 1)]);
});

describe('a write refused because storage is full', () => {
  it('makes room within my retention choice, retries the batch once, and tells me what was deleted', async () => {
    await saveSettings({ ...defaultSettings(), keepPostsDays: 30 });
    const invalidate = vi.fn();
    const makeRoom = vi.fn(createQuotaHandler({ getDb: async () => db, invalidate, now: () => T0 + 60 * DAY }));
    let refuse = true;
    const onError = vi.fn();
    const queue = createIngestQueue({
      // The first write is refused as a full disk would refuse it; the retry finds room.
      getDb: async () => {
        if (refuse) {
          refuse = false;
          throw quotaError();
        }
        return db;
      },
      makeRoom,
      onError,
    });
    queue.push([reading('3', T0 + 60 * DAY, 9)]);
    await queue.flush();
    expect(makeRoom).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    expect((await db.getAllKeys('posts')).sort()).toEqual(['x:2', 'x:3']);
    expect(invalidate).toHaveBeenCalled();
    const [notice] = await loadNotices();
    expect(notice?.text).toBe(
      'The browser’s storage for Feedlens was full. To make room, Feedlens deleted 1 post not seen for 30 days, with 1 snapshot (your “Keep posts” choice), and tried the refused write again.',
    );
  });

  it('deletes nothing beyond my choice, says so, and reports the batch lost if the retry fails too', async () => {
    const makeRoom = vi.fn(createQuotaHandler({ getDb: async () => db, invalidate: () => undefined }));
    const onError = vi.fn();
    const queue = createIngestQueue({
      getDb: async () => {
        throw quotaError();
      },
      makeRoom,
      onError,
    });
    queue.push([reading('3', T0, 9), reading('4', T0, 9)]);
    await queue.flush();
    expect(makeRoom).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'QuotaExceededError' }), 2);
    expect(await db.count('posts')).toBe(2);
    expect((await loadNotices())[0]?.text).toMatch(/nothing could be freed while keeping posts forever/);
  });

  it('says the browser has not given freed space back yet, once, and keeps the notice of what was deleted', async () => {
    await saveSettings({ ...defaultSettings(), keepPostsDays: 30 });
    let now = T0 + 60 * DAY;
    const makeRoom = createQuotaHandler({ getDb: async () => db, invalidate: () => undefined, now: () => now });
    await makeRoom(quotaError());
    // Refused again every 30 s: the space freed has not come back, and there is nothing more to delete.
    for (let i = 0; i < 6; i++) {
      now += 30_000;
      await makeRoom(quotaError());
    }
    const notices = (await loadNotices()).map((n) => n.text);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^The browser’s storage for Feedlens is still full: Feedlens has already deleted/);
    expect(notices[1]).toMatch(/To make room, Feedlens deleted 1 post not seen for 30 days/);
    // An hour later the browser has had its chance: the refusal is the disk's again.
    now += SPACE_RETURN_MS;
    await makeRoom(quotaError());
    expect((await loadNotices())[0]?.text).toMatch(/nothing could be freed while keeping posts for 30 days/);
  });

  it('does not try to make room for other errors', async () => {
    const makeRoom = vi.fn(async () => undefined);
    const onError = vi.fn();
    const queue = createIngestQueue({
      getDb: async () => {
        throw new Error('closed');
      },
      makeRoom,
      onError,
    });
    queue.push([reading('3', T0, 9)]);
    await queue.flush();
    expect(makeRoom).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('words what thinning alone freed', () => {
    expect(quotaNotice({ thinned: 1200, expired: { posts: 0, snapshots: 0 }, keepDays: null })).toMatch(
      /thinned 1,200 old snapshots \(as retention would have later\), and tried/,
    );
  });
});
