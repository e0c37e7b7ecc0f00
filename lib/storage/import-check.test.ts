// Checking an import file as a whole: its header, where its snapshots point, what the user is told
// and what waits in staging for the save (lib/storage/import-check.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exact } from '../model';
import { file, freshDb, hostAllowed, importText, NOW, T0 } from '../../tests/unit/import-helpers';
import type { FeedlensDatabase } from './db';
import { EXPORT_FORMAT } from './export';
import { startImportCheck } from './import-check';
import { discardStaging, openStaging, readMeta, type StagingDatabase } from './import-staging';

let db: FeedlensDatabase;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A check run by hand (importText runs one end to end). */
async function withStaging(run: (staging: StagingDatabase) => Promise<void>): Promise<void> {
  const staging = await openStaging();
  try {
    await run(staging);
  } finally {
    vi.restoreAllMocks();
    await discardStaging(staging);
  }
}

const header = (extra: object) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, posts: [], snapshots: [], ...extra });

describe('an import file’s header', () => {
  const refusals: [string, string, RegExp][] = [
    ['another program’s format', header({ format: 'other-program' }), /not a Feedlens export/],
    ['posts that are not a list', header({ posts: 5 }), /posts or snapshots are not lists/],
    ['snapshots that are not a list', header({ snapshots: 5 }), /posts or snapshots are not lists/],
    ['a long version, quoting only its start', header({ version: 'v'.repeat(100) }), /format version v{20};/],
  ];
  it.each(refusals)('refuses %s', async (_name, text, message) => {
    expect(await importText(db, text)).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  });

  it('names the first snapshot of a post the file lacks', async () => {
    const snapshot = (at: number) => ({ post: 'x:9', at, counts: { likes: exact(1) } });
    const text = header({ snapshots: [snapshot(T0), snapshot(T0 + 1)] });
    expect(await importText(db, text)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Snapshot 1 in the file belongs to no post in the file/),
    });
  });
});

describe('what the check tells and stages', () => {
  it('counts a post seen at the retention cutoff as kept, one seen before it as beyond', async () => {
    // The file's post was last seen at T0 + 1000.
    expect(await importText(db, file(), { retentionCutoff: T0 + 1000 })).toMatchObject({
      result: { beyondRetention: 0 },
    });
    expect(await importText(await freshDb(), file(), { retentionCutoff: T0 + 1001 })).toMatchObject({
      result: { beyondRetention: 1 },
    });
  });

  it('marks staging as checking until the file has passed, then keeps the settings only if agreed', async () => {
    const withSettings = file({}, {}, { settings: { accounts: { x: ['ada'] }, hide: { enabled: true } } });
    for (const restoreSettings of [false, true])
      await withStaging(async (staging) => {
        const check = await startImportCheck(staging, { now: NOW, hostAllowed, restoreSettings });
        expect(await readMeta(staging)).toMatchObject({ state: 'checking', startedAt: NOW });
        await check.write(withSettings);
        const result = await check.finish();
        expect(result.settings?.accounts.x).toEqual(['ada']);
        const meta = await readMeta(staging);
        expect(meta).toMatchObject({ state: 'saving', startedAt: NOW });
        expect(meta?.settings?.accounts.x).toEqual(restoreSettings ? ['ada'] : undefined);
      });
  });

  it('tells of no settings when the file has none', async () => {
    const outcome = await importText(db, file());
    expect(outcome.ok && outcome.result).not.toHaveProperty('settings');
  });

  it('stops at the first failure to stage, and refuses every later piece with it', async () => {
    await withStaging(async (staging) => {
      const check = await startImportCheck(staging, { now: NOW, hostAllowed });
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      const text = file();
      await expect(check.write(text.slice(0, -20))).rejects.toThrow(/quota/);
      await expect(check.write(text.slice(-20))).rejects.toThrow(/quota/);
    });
  });
});
