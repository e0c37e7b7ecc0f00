import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../settings/settings';
import { saveSettings } from '../settings/store';
import type { FeedlensDatabase } from '../storage/db';
import { ingestReadings } from '../storage/ingest';
import { freshDb, hostAllowed, NOW, pieces, reading, T0 } from '../../tests/unit/import-helpers';
import { runAgeRetention } from './data-retention';
import { exportText } from '../storage/export';
import { startImportCheck } from '../storage/import-check';
import { openStaging, stagingExists } from '../storage/import-staging';
import { createJobQueue, resumeImport, runDelete } from './data-service';
import { loadDataJob, loadNotices } from './data-status';

const DAY = 24 * 3600 * 1000;

let db: FeedlensDatabase;
beforeEach(async () => {
  fakeBrowser.reset();
  db = await freshDb();
  await ingestReadings(db, [reading('1', T0, 1), reading('1', T0 + 1000, 2), reading('2', T0 + 40 * DAY, 1)]);
});

const deps = () => ({
  getDb: async () => db,
  hostAllowed,
  siteName: () => 'X',
  invalidate: vi.fn(),
  makeRoom: async () => undefined,
});

describe('data jobs in the background', () => {
  it('deletes what a page asked for, and publishes what went', async () => {
    const d = deps();
    const job = await runDelete({ kind: 'site', platform: 'x' }, d);
    expect(job).toMatchObject({ kind: 'delete', state: 'done', posts: 2, snapshots: 3 });
    expect(job.message).toBe('Deleted X’s data: 2 posts and 3 snapshots.');
    expect(await loadDataJob()).toEqual(job);
    expect(d.invalidate).toHaveBeenCalledTimes(2);
    expect(await db.count('posts')).toBe(0);
  });

  it('runs one job at a time, in the order asked', async () => {
    const jobs = createJobQueue();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = jobs.exclusive(
      () =>
        new Promise<void>((resolve) => {
          order.push('first starts');
          release = () => {
            order.push('first ends');
            resolve();
          };
        }),
    );
    const second = jobs.exclusive(async () => void order.push('second'));
    await Promise.resolve();
    expect(jobs.busy()).toBe(true);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second']);
    expect(jobs.busy()).toBe(false);
  });

  it('deletes posts older than my retention and leaves a notice; keeps everything when I keep posts forever', async () => {
    const now = () => T0 + 45 * DAY;
    expect(await runAgeRetention({ getDb: async () => db, invalidate: vi.fn(), jobs: createJobQueue(), now })).toEqual({
      posts: 0,
      snapshots: 0,
    });
    await saveSettings({ ...defaultSettings(), keepPostsDays: 30 });
    const deleted = await runAgeRetention({ getDb: async () => db, invalidate: vi.fn(), jobs: createJobQueue(), now });
    expect(deleted).toEqual({ posts: 1, snapshots: 2 });
    expect(await db.getAllKeys('posts')).toEqual(['x:2']);
    expect((await loadNotices())[0]?.text).toBe(
      'Deleted 1 post not seen for 30 days, with 2 snapshots, as you chose under “Keep posts”.',
    );
  });

  it('finishes saving an import the worker was stopped in, and drops one that was still being checked', async () => {
    const source = await freshDb();
    await ingestReadings(source, [reading('7', T0, 3), reading('8', T0, 4)]);
    const file = await exportText(source);
    db = await freshDb();
    // Checked and ready to save when the worker stopped.
    let staging = await openStaging();
    const check = await startImportCheck(staging, { now: NOW, hostAllowed });
    for (const piece of pieces(file, 100)) await check.write(piece);
    await check.finish();
    staging.close();
    await resumeImport(deps(), createJobQueue());
    expect((await db.getAllKeys('posts')).sort()).toEqual(['x:7', 'x:8']);
    expect(await loadDataJob()).toMatchObject({ kind: 'import', state: 'done', posts: 2 });
    expect(await stagingExists()).toBe(false);

    // Still being checked: the page that sent it is gone, so nothing of it is saved.
    db = await freshDb();
    staging = await openStaging();
    const partial = await startImportCheck(staging, { now: NOW, hostAllowed });
    await partial.write(file.slice(0, file.length / 2));
    staging.close();
    await resumeImport(deps(), createJobQueue());
    expect(await db.count('posts')).toBe(0);
    expect(await stagingExists()).toBe(false);
  });
});
