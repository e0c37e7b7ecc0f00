/**
 * An import, run by the background for a page that streams the file through a port
 * (lib/messages/data.ts): checked piece by piece into the staging database (nothing in the store
 * changes), then saved into the store in short transactions. Cancelling, closing the page or a
 * refusal while checking drops the staging and leaves the store as it was; once checked, saving runs
 * to the end, and continues after a browser restart if it was cut short.
 */
import { sizeRefusal, type DataJob, type DataReply, type DataRequest, validateDataRequest } from '../messages/data';
import type { HostCheck } from '../messages/reading';
import type { PlatformId } from '../model';
import { loadSettings, saveSettings } from '../settings/store';
import { retentionCutoff } from '../storage/delete';
import { ImportRefused, startImportCheck, type ImportCheck } from '../storage/import-check';
import { saveStaged } from '../storage/import-save';
import {
  discardStaging,
  openStaging,
  readMeta,
  type StagingDatabase,
  type StagingMeta,
} from '../storage/import-staging';
import { isQuotaError } from '../storage/quota';
import type { FeedlensDatabase } from '../storage/schema';
import { jobPublisher } from './data-status';
import { counted } from '../ui/counted';
import { formatNumber } from '../ui/format';
import { plural, t } from '../ui/i18n';

/** The page's end of the data port, as the import uses it (a runtime.Port in the browser). */
export interface DataPort {
  postMessage(message: DataReply): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ImportDeps {
  getDb(): Promise<FeedlensDatabase>;
  hostAllowed: HostCheck;
  siteName(platform: PlatformId): string;
  /** Post records changed under the ingest queue: it must forget its cached ones. */
  invalidate(): void;
  makeRoom(error: unknown): Promise<unknown>;
  now?(): number;
}

function failureText(error: unknown): string {
  if (isQuotaError(error)) return t('prefs.imported.storageFull');
  return error instanceof Error ? error.message : String(error);
}

/** Saves a checked import (now, or after a restart), restores its settings if asked, drops the staging. */
export async function saveImport(staging: StagingDatabase, deps: ImportDeps, reply?: (r: DataReply) => void) {
  const publish = jobPublisher();
  const meta = (await readMeta(staging)) as StagingMeta;
  const job = (m: StagingMeta, extra: Partial<DataJob> = {}): DataJob => ({
    kind: 'import',
    state: 'saving',
    posts: m.savedPosts ?? 0,
    totalPosts: m.posts,
    snapshots: m.savedSnapshots ?? 0,
    totalSnapshots: m.snapshots,
    at: Date.now(),
    ...extra,
  });
  let final: DataJob;
  try {
    await publish(job(meta));
    const db = await deps.getDb();
    const saved = await saveStaged(db, staging, {
      aroundWrite: deps.invalidate,
      makeRoom: deps.makeRoom,
      onProgress: (m) => void publish(job(m)),
    });
    let restored = false;
    if (saved.settings) {
      // The user's retention choice here stays: an old file's choice could delete what was just imported.
      const current = await loadSettings();
      await saveSettings({ ...saved.settings, keepPostsDays: current.keepPostsDays });
      restored = true;
    }
    const parts = [
      t('prefs.imported.done', {
        posts: counted(saved.posts, 'post'),
        snapshots: counted(saved.snapshots, 'snapshot'),
      }),
    ];
    if (restored) parts.push(t('prefs.imported.restored'));
    if (saved.beyondRetention) parts.push(plural('prefs.imported.beyondRetention', saved.beyondRetention));
    final = job(saved, { state: 'done', message: parts.join(' ') });
  } catch (error) {
    const now = (await readMeta(staging).catch(() => undefined)) ?? meta;
    final = job(now, {
      state: 'failed',
      message: plural('prefs.imported.stopped', now.posts, {
        saved: formatNumber(now.savedPosts ?? 0),
        error: failureText(error),
      }),
    });
  }
  await discardStaging(staging);
  await publish(final);
  reply?.({ type: 'finished', job: final });
  return final;
}

/** Runs one import for the page at the other end of `port`, from its `import-start` request. */
export async function runImport(
  port: DataPort,
  start: Extract<DataRequest, { type: 'import-start' }>,
  deps: ImportDeps,
  /** Whether the page has gone already (the import may have waited for another job). */
  gone: () => boolean = () => false,
): Promise<DataJob> {
  let connected = !gone();
  port.onDisconnect.addListener(() => {
    connected = false;
  });
  const reply = (message: DataReply) => {
    if (!connected) return;
    try {
      port.postMessage(message);
    } catch {
      connected = false;
    }
  };
  const publish = jobPublisher();
  const finish = async (state: DataJob['state'], message: string, counts = { posts: 0, snapshots: 0 }) => {
    const job: DataJob = { kind: 'import', state, message, ...counts, at: Date.now() };
    await publish(job);
    reply({ type: 'finished', job });
    return job;
  };
  if (!connected) return finish('cancelled', t('prefs.imported.pageClosed'));
  const tooLarge = sizeRefusal(start.size);
  if (tooLarge) return finish('refused', tooLarge);

  const now = deps.now?.() ?? Date.now();
  const settings = await loadSettings();
  await discardStaging(null);
  const staging = await openStaging();
  let check: ImportCheck;
  try {
    check = await startImportCheck(staging, {
      now,
      hostAllowed: deps.hostAllowed,
      siteName: deps.siteName,
      restoreSettings: start.restoreSettings,
      ...(settings.keepPostsDays ? { retentionCutoff: retentionCutoff(settings.keepPostsDays, now) } : {}),
    });
  } catch (error) {
    await discardStaging(staging);
    return finish('failed', t('prefs.imported.uncheckable', { error: failureText(error) }));
  }

  let bytes = 0;
  const progress = (): DataJob => ({
    kind: 'import',
    state: 'checking',
    bytes,
    totalBytes: start.size,
    ...check.progress,
    at: Date.now(),
  });
  await publish(progress());

  // Pieces are checked as they come; the next is asked for once the one before this is staged, so
  // reading the file, checking and staging overlap and no more than two pieces are ever held.
  return new Promise<DataJob>((resolve) => {
    let previous: Promise<void> = Promise.resolve();
    let over = false;
    const stop = async (state: DataJob['state'], message: string) => {
      if (over) return;
      over = true;
      await previous.catch(() => undefined);
      await discardStaging(staging);
      resolve(await finish(state, message, check.progress));
    };
    const failWith = (error: unknown) => {
      if (error instanceof ImportRefused) void stop('refused', error.message);
      else void stop('failed', t('prefs.imported.uncheckable', { error: failureText(error) }));
    };
    port.onDisconnect.addListener(() => {
      // The page went away while checking: as good as a cancel (saving, once begun, goes on).
      void stop('cancelled', t('prefs.imported.pageClosed'));
    });
    port.onMessage.addListener((raw: unknown) => {
      const message = validateDataRequest(raw);
      if (over || !message) return;
      if (message.type === 'import-cancel') void stop('cancelled', t('prefs.imported.cancelled'));
      else if (message.type === 'import-piece') {
        bytes = message.bytes;
        // The page said how large the file is; a page that sends more is refused all the same.
        const overLimit = sizeRefusal(bytes);
        if (overLimit) return failWith(new ImportRefused(overLimit));
        let written: Promise<void>;
        try {
          written = check.write(message.text);
        } catch (error) {
          return failWith(error);
        }
        const prior = previous;
        previous = written;
        written.catch(failWith);
        void prior.then(
          () => {
            if (!over) {
              void publish(progress());
              reply({ type: 'import-more' });
            }
          },
          () => undefined,
        );
      } else if (message.type === 'import-end') {
        over = true;
        void previous
          .then(() => check.finish())
          .then(
            () => saveImport(staging, deps, reply).then(resolve),
            async (error: unknown) => {
              over = false;
              failWith(error);
            },
          );
      }
    });
    reply({ type: 'import-more' });
  });
}
