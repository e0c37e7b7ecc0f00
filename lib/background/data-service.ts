/**
 * The background's side of the data channel (lib/messages/data.ts): the only place, besides the
 * ingest of readings, that writes the store. Feedlens's own pages connect a port to import a file
 * or delete data; one such job runs at a time (retention by age waits its turn too), and an import
 * cut short while saving is finished when the worker starts again.
 */
import { browser } from 'wxt/browser';
import { DATA_PORT, validateDataRequest, type DataJob, type DataRequest } from '../messages/data';
import { deleteData, type Deleted, type DeleteScope } from '../storage/delete';
import { openStaging, readMeta, discardStaging, stagingExists } from '../storage/import-staging';
import { runImport, saveImport, type ImportDeps } from './data-import';
import { jobPublisher } from './data-status';
import { counted } from '../ui/counted';
import { t } from '../ui/i18n';

export interface DataJobs {
  /** Runs `job` when no other data job runs (jobs queue behind one another). */
  exclusive<T>(job: () => Promise<T>): Promise<T>;
  busy(): boolean;
}

export function createJobQueue(): DataJobs {
  let tail: Promise<unknown> = Promise.resolve();
  let running = 0;
  return {
    exclusive(job) {
      running++;
      const run = tail.then(job).finally(() => running--);
      tail = run.catch(() => undefined);
      return run;
    },
    busy: () => running > 0,
  };
}

function deletedText(scope: DeleteScope, siteName: ImportDeps['siteName'], deleted: Deleted): string {
  const subs = { posts: counted(deleted.posts, 'post'), snapshots: counted(deleted.snapshots, 'snapshot') };
  if (scope.kind === 'all') return t('prefs.deleted.all', subs);
  if (scope.kind === 'site') return t('prefs.deleted.site', { ...subs, site: siteName(scope.platform) });
  return t('prefs.deleted.post', subs);
}

/** Deletes what the page asked for, telling every page how it went. */
export async function runDelete(scope: DeleteScope, deps: ImportDeps): Promise<DataJob> {
  const publish = jobPublisher();
  await publish({ kind: 'delete', state: 'deleting', posts: 0, snapshots: 0, at: Date.now() });
  let job: DataJob;
  try {
    const db = await deps.getDb();
    deps.invalidate();
    const deleted = await deleteData(db, scope);
    deps.invalidate();
    job = {
      kind: 'delete',
      state: 'done',
      ...deleted,
      message: deletedText(scope, deps.siteName, deleted),
      at: Date.now(),
    };
  } catch (error) {
    job = {
      kind: 'delete',
      state: 'failed',
      posts: 0,
      snapshots: 0,
      message: t('prefs.deleted.failed', { error: error instanceof Error ? error.message : String(error) }),
      at: Date.now(),
    };
  }
  await publish(job);
  return job;
}

/** Only Feedlens's own pages (not content scripts, which share the extension id) may connect. */
function fromOwnPage(sender: { id?: string; url?: string } | undefined): boolean {
  return sender?.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

/** An import left in the staging database when the worker stopped: saved if it was checked, else dropped. */
export async function resumeImport(deps: ImportDeps, jobs: DataJobs): Promise<void> {
  if (!(await stagingExists())) return;
  await jobs.exclusive(async () => {
    const staging = await openStaging();
    const meta = await readMeta(staging);
    if (meta?.state === 'saving') await saveImport(staging, deps);
    else await discardStaging(staging);
  });
}

export function listenForDataRequests(deps: ImportDeps, jobs: DataJobs): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== DATA_PORT || !fromOwnPage(port.sender)) return;
    let gone = false;
    port.onDisconnect.addListener(() => {
      gone = true;
    });
    const first = (raw: unknown) => {
      const request: DataRequest | undefined = validateDataRequest(raw);
      if (!request) return;
      port.onMessage.removeListener(first);
      if (request.type === 'import-start') {
        void jobs.exclusive(() => runImport(port, request, deps, () => gone));
      } else if (request.type === 'delete') {
        void jobs
          .exclusive(() => runDelete(request.scope, deps))
          .then((job) => {
            // A page that closed meanwhile reads the outcome from storage when it opens again.
            if (!gone) port.postMessage({ type: 'finished', job });
          });
      }
    };
    port.onMessage.addListener(first);
  });
}
