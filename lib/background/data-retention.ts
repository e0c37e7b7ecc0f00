/**
 * Retention by age, as the user chose it ("Keep posts": N days or forever): posts not seen for N
 * days are deleted with their snapshots, a few at a time (lib/storage/delete.ts). Runs shortly
 * after the worker starts, every six hours (an alarm wakes the worker), and soon after the choice
 * changes; each run is recorded, and one that deletes anything leaves a notice on the settings page.
 */
import { browser } from 'wxt/browser';
import { loadSettings, onSettingsChanged } from '../settings/store';
import { expireUnseenPosts, retentionCutoff, type Deleted } from '../storage/delete';
import type { FeedlensDatabase } from '../storage/schema';
import { addNotice, saveLastCleanup } from './data-status';
import type { DataJobs } from './data-service';
import { counted } from '../ui/counted';
import { plural } from '../ui/i18n';

export const RETENTION_ALARM = 'feedlens-keep-posts';
const EVERY_MINUTES = 6 * 60;
export const AFTER_START_MS = 10_000;
const AFTER_CHANGE_MS = 5_000;

export function retentionNotice(deleted: Deleted, keepDays: number): string {
  return plural('prefs.retention.deleted', deleted.posts, {
    days: plural('prefs.keep.unseenFor', keepDays),
    snapshots: counted(deleted.snapshots, 'snapshot'),
  });
}

export interface AgeRetentionOptions {
  getDb(): Promise<FeedlensDatabase>;
  invalidate(): void;
  jobs: DataJobs;
  now?(): number;
}

/** One run: deletes what the current choice says is too old; resolves with what went. */
export async function runAgeRetention(options: AgeRetentionOptions): Promise<Deleted> {
  const { keepPostsDays } = await loadSettings();
  if (keepPostsDays === null) return { posts: 0, snapshots: 0 };
  const db = await options.getDb();
  const deleted = await options.jobs.exclusive(() =>
    expireUnseenPosts(db, retentionCutoff(keepPostsDays, options.now?.() ?? Date.now())),
  );
  options.invalidate();
  if (deleted.posts > 0) await addNotice(retentionNotice(deleted, keepPostsDays));
  await saveLastCleanup({ at: Date.now(), posts: deleted.posts });
  return deleted;
}

export function startAgeRetention(options: AgeRetentionOptions): void {
  const run = () =>
    void runAgeRetention(options).catch((error: unknown) =>
      console.error('Feedlens: deleting old posts failed; it is tried again later', error),
    );
  void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: EVERY_MINUTES, delayInMinutes: EVERY_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) run();
  });
  setTimeout(run, AFTER_START_MS);
  let keep: number | null | undefined;
  void loadSettings().then((s) => (keep = s.keepPostsDays));
  onSettingsChanged((settings) => {
    if (keep !== undefined && settings.keepPostsDays !== keep && settings.keepPostsDays !== null)
      setTimeout(run, AFTER_CHANGE_MS);
    keep = settings.keepPostsDays;
  });
}
