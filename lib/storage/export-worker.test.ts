import { IDBFactory } from 'fake-indexeddb';
import { deleteDB, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportReply } from '../messages/data';
import { defaultSettings } from '../settings/settings';
import { freshDb, reading, T0 } from '../../tests/unit/import-helpers';
import type { FeedlensDatabase } from './db';
import { serveExports } from './export-worker';
import { ingestReadings } from './ingest';

let db: FeedlensDatabase;
beforeEach(async () => {
  db = await freshDb();
  await ingestReadings(db, [reading('1', T0, 5), reading('2', T0, 6)]);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A worker scope that delivers messages as a browser does, and the replies it has sent. */
function worker() {
  const listeners: ((event: { data: unknown }) => void)[] = [];
  const replies: ExportReply[] = [];
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  serveExports({
    addEventListener: (type, listener) => {
      if (type === 'message') listeners.push(listener);
    },
    postMessage(reply) {
      replies.push(reply);
      if (reply.type !== 'export-progress') finished();
    },
  });
  const send = (data: unknown) => listeners.forEach((listener) => listener({ data }));
  return { send, replies, done };
}

describe('the export worker', () => {
  it('builds the export file on request and hands it over with its final counts', async () => {
    const { send, replies, done } = worker();
    send({ type: 'export', settings: defaultSettings() });
    await done;
    const last = replies.at(-1)!;
    expect(last).toMatchObject({
      type: 'export-done',
      progress: { posts: 2, totalPosts: 2, snapshots: 2, totalSnapshots: 2 },
    });
    if (last.type !== 'export-done') return;
    const file = JSON.parse(await last.blob.text());
    expect(file.posts.map((p: { key: string }) => p.key)).toEqual(['x:1', 'x:2']);
    expect(file.settings).toEqual(defaultSettings());
  });

  it('ignores messages that are not an export request', async () => {
    const { send, replies, done } = worker();
    send(null);
    send({ type: 'import' });
    expect(replies).toEqual([]);
    send({ type: 'export' });
    await done;
    expect(replies.filter((r) => r.type === 'export-done')).toHaveLength(1);
  });

  it('sends progress at most every 100 ms', async () => {
    // Three progress points (start, posts, snapshots) within one instant: one message.
    vi.spyOn(Date, 'now').mockReturnValue(T0);
    const quick = worker();
    quick.send({ type: 'export' });
    await quick.done;
    expect(quick.replies.filter((r) => r.type === 'export-progress')).toHaveLength(1);
    // 100 ms apart: each one.
    let clock = T0;
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 100));
    const slow = worker();
    slow.send({ type: 'export' });
    await slow.done;
    expect(slow.replies.filter((r) => r.type === 'export-progress')).toHaveLength(3);
  });

  it('closes its connection when done, so the store can be upgraded or deleted', async () => {
    const { send, done } = worker();
    send({ type: 'export' });
    await done;
    db.close();
    let blocked = false;
    await deleteDB('feedlens', { blocked: () => (blocked = true) });
    expect(blocked).toBe(false);
  });

  it('tells the page when the store cannot be opened', async () => {
    db.close();
    globalThis.indexedDB = new IDBFactory();
    // A newer version of the store than this build knows.
    (await openDB('feedlens', 99)).close();
    const { send, replies, done } = worker();
    send({ type: 'export' });
    await done;
    expect(replies.at(-1)).toMatchObject({ type: 'export-failed', error: expect.any(String) });
    expect((replies.at(-1) as { error: string }).error.length).toBeGreaterThan(0);
  });
});
