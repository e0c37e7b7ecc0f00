import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_IMPORT_BYTES, type DataJob, type DataReply } from '../messages/data';
import { defaultSettings } from '../settings/settings';
import { loadSettings, saveSettings } from '../settings/store';
import { exportText } from '../storage/export';
import { stagingExists } from '../storage/import-staging';
import { ingestReadings } from '../storage/ingest';
import type { FeedlensDatabase } from '../storage/db';
import { freshDb, hostAllowed, NOW, pieces, reading, T0 } from '../../tests/unit/import-helpers';
import { runImport, type DataPort, type ImportDeps } from './data-import';
import { loadDataJob } from './data-status';

/** The page's side of a port: answers each `import-more` with the next piece, then `import-end`. */
function page(
  text: string,
  options: { pieceSize?: number; onMore?: (count: number, send: (m: unknown) => void) => void } = {},
) {
  const listeners: ((message: unknown) => void)[] = [];
  const disconnects: (() => void)[] = [];
  const parts = pieces(text, options.pieceSize ?? 300);
  const replies: DataReply[] = [];
  let sent = 0;
  let mores = 0;
  const send = (message: unknown) => queueMicrotask(() => listeners.forEach((l) => l(message)));
  const port: DataPort = {
    postMessage(reply) {
      replies.push(reply);
      if (reply.type !== 'import-more') return;
      mores++;
      options.onMore?.(mores, send);
      if (sent < parts.length) send({ type: 'import-piece', text: parts[sent], bytes: (sent += 1) * 300 });
      else send({ type: 'import-end' });
    },
    onMessage: { addListener: (l) => listeners.push(l) },
    onDisconnect: { addListener: (l) => disconnects.push(l) },
  };
  return { port, replies, send, disconnect: () => disconnects.forEach((l) => l()) };
}

let db: FeedlensDatabase;
let file: string;
let deps: ImportDeps;
beforeEach(async () => {
  fakeBrowser.reset();
  const source = await freshDb();
  await ingestReadings(
    source,
    Array.from({ length: 30 }, (_, i) => reading(String(i + 1), T0 + i, i)),
  );
  const settings = { ...defaultSettings(), accounts: { ...defaultSettings().accounts, x: ['grace'] } };
  file = await exportText(source, { settings });
  db = await freshDb();
  await ingestReadings(db, [reading('100', T0, 1)]);
  deps = {
    getDb: async () => db,
    hostAllowed,
    siteName: (p) => p,
    invalidate: vi.fn(),
    makeRoom: vi.fn(async () => undefined),
    now: () => NOW,
  };
});

const start = (size: number, restoreSettings = false) => ({ type: 'import-start' as const, size, restoreSettings });

describe('an import run by the background', () => {
  it('checks the streamed file, saves it, tells every page how it went, and keeps my settings unless I agreed', async () => {
    const { port, replies } = page(file);
    const job = await runImport(port, start(file.length), deps);
    expect(job).toMatchObject({ kind: 'import', state: 'done', posts: 30, totalPosts: 30, snapshots: 30 });
    expect(job.message).toBe('Imported 30 posts and 30 snapshots.');
    expect(replies.at(-1)).toEqual({ type: 'finished', job });
    expect(await loadDataJob()).toEqual(job);
    expect(await db.count('posts')).toBe(31);
    // The ingest cache is told before and after every write.
    expect(deps.invalidate).toHaveBeenCalled();
    expect((await loadSettings()).accounts.x).toEqual([]);
    expect(await stagingExists()).toBe(false);
  });

  it('restores the file’s settings when I agree, keeping my own retention choice', async () => {
    await saveSettings({ ...defaultSettings(), keepPostsDays: 3650 });
    const job = await runImport(page(file).port, start(file.length, true), deps);
    expect(job.message).toMatch(/settings were restored/);
    expect(await loadSettings()).toMatchObject({ accounts: { x: ['grace'] }, keepPostsDays: 3650 });
  });

  it('cancels while checking without changing anything', async () => {
    const before = await exportText(db, { now: T0 });
    const { port } = page(file, { onMore: (count, send) => count === 3 && send({ type: 'import-cancel' }) });
    const job = await runImport(port, start(file.length), deps);
    expect(job).toMatchObject({ state: 'cancelled', message: 'Import cancelled; nothing was changed.' });
    expect(await exportText(db, { now: T0 })).toBe(before);
    expect(await stagingExists()).toBe(false);
  });

  it('treats the page closing while checking as a cancel', async () => {
    const before = await exportText(db, { now: T0 });
    const session = page(file, { onMore: (count) => count === 2 && queueMicrotask(() => session.disconnect()) });
    const job = await runImport(session.port, start(file.length), deps);
    expect(job.state).toBe('cancelled');
    expect(await exportText(db, { now: T0 })).toBe(before);
  });

  it('refuses a file over the size limit before reading any of it', async () => {
    const { port, replies } = page(file);
    const job = await runImport(port, start(MAX_IMPORT_BYTES + 1), deps);
    expect(job).toMatchObject({ state: 'refused', message: expect.stringMatching(/up to 1,024 MB/) });
    expect(replies).toEqual([{ type: 'finished', job }]);
  });

  it('refuses a damaged file with the checker’s words', async () => {
    // x:4 (likes 3) is the 25th post: the file lists posts by key (x:1, x:10 … x:19, x:2, …).
    const damaged = file.replace('"value":3}', '"value":-3}');
    const job: DataJob = await runImport(page(damaged).port, start(damaged.length), deps);
    expect(job).toMatchObject({
      state: 'refused',
      message: expect.stringMatching(/^Post 25 in the file has counts no site shows/),
    });
    expect(await db.count('posts')).toBe(1);
  });
});
