/**
 * Feedlens's pages asking the background to change the store (lib/messages/data.ts): importing a
 * file, streamed to the background a piece at a time as it asks for them, and deleting data. The
 * page only reads the file and forwards its text: checking, staging and saving all happen in the
 * background, so the page stays responsive whatever the file's size. Exports only read, and are
 * built by a worker beside the page.
 */
import { browser } from 'wxt/browser';
import {
  DATA_PORT,
  IMPORT_PIECE_BYTES,
  type DataJob,
  type DataReply,
  type DataRequest,
  type ExportReply,
  type ExportRequest,
} from '../messages/data';
import type { Settings } from '../settings/settings';
import type { DeleteScope } from '../storage/delete';
import type { FeedlensDatabase } from '../storage/db';
import { t } from './i18n';
import { exportBlob, type ExportProgress } from '../storage/export';

export interface RunningImport {
  /** Stops checking (nothing is changed); ignored once saving has begun. */
  cancel(): void;
  /**
   * The outcome as the background tells it (and publishes it for every page), or, when the page
   * itself had to stop (an unreadable file, no answer), what went wrong here.
   */
  done: Promise<{ job?: DataJob; error?: string }>;
}

const lost = () => t('prefs.importFile.lost');

export function importFile(file: Blob, restoreSettings: boolean): RunningImport {
  const port = browser.runtime.connect({ name: DATA_PORT });
  let open = true;
  const send = (request: DataRequest) => {
    if (open) port.postMessage(request);
  };
  // Fatal: a file that is not UTF-8 text is not an export, and must not be read as one.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let settle: (outcome: { job?: DataJob; error?: string }) => void = () => undefined;
  const done = new Promise<{ job?: DataJob; error?: string }>((resolve) => (settle = resolve));

  const finish = (outcome: { job?: DataJob; error?: string }) => {
    settle(outcome);
    open = false;
    port.disconnect();
  };
  const sendNext = async () => {
    if (offset >= file.size) return send({ type: 'import-end' });
    const end = Math.min(file.size, offset + IMPORT_PIECE_BYTES);
    let text: string;
    try {
      const bytes = await file.slice(offset, end).arrayBuffer();
      text = decoder.decode(bytes, { stream: end < file.size });
    } catch (error) {
      send({ type: 'import-cancel' });
      const unreadable = error instanceof TypeError;
      return finish({
        error: unreadable ? t('prefs.importFile.notText') : t('prefs.importFile.unreadable'),
      });
    }
    offset = end;
    send({ type: 'import-piece', text, bytes: offset });
  };

  port.onMessage.addListener((message: unknown) => {
    const reply = message as DataReply;
    if (reply.type === 'import-more') void sendNext();
    else if (reply.type === 'finished') finish({ job: reply.job });
  });
  port.onDisconnect.addListener(() => {
    open = false;
    settle({ error: lost() });
  });
  send({ type: 'import-start', size: file.size, restoreSettings });
  return { cancel: () => send({ type: 'import-cancel' }), done };
}

/** Asks the background to delete what `scope` names; resolves with the outcome. */
export function deleteStored(scope: DeleteScope): Promise<DataJob> {
  const port = browser.runtime.connect({ name: DATA_PORT });
  return new Promise<DataJob>((resolve) => {
    port.onMessage.addListener((message: unknown) => {
      const reply = message as DataReply;
      if (reply.type === 'finished') {
        resolve(reply.job);
        port.disconnect();
      }
    });
    port.onDisconnect.addListener(() =>
      resolve({ kind: 'delete', state: 'failed', message: lost(), posts: 0, snapshots: 0, at: Date.now() }),
    );
    port.postMessage({ type: 'delete', scope } satisfies DataRequest);
  });
}

/**
 * The export file, built by the export worker (entrypoints/export-worker.ts) off this page's main
 * thread; on the page itself, a page of records at a time, where no worker can be started.
 */
export async function exportFile(
  db: FeedlensDatabase,
  settings: Settings | undefined,
  onProgress: (p: ExportProgress) => void,
): Promise<Blob> {
  let worker: Worker;
  try {
    worker = new Worker(browser.runtime.getURL('/export-worker.js'));
  } catch {
    return exportBlob(db, { ...(settings ? { settings } : {}), onProgress });
  }
  return new Promise<Blob>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ExportReply>) => {
      const reply = event.data;
      if (reply.type === 'export-progress') return onProgress(reply.progress);
      worker.terminate();
      if (reply.type === 'export-done') {
        onProgress(reply.progress);
        resolve(reply.blob);
      } else reject(new Error(reply.error));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the export worker failed'));
    });
    // A worker's postMessage has no target origin: it only reaches the worker.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    worker.postMessage({ type: 'export', ...(settings ? { settings } : {}) } satisfies ExportRequest);
  });
}
