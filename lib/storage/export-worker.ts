/**
 * The export worker's work (entrypoints/export-worker.ts runs it): builds the export file from the
 * store on request, telling the page how far it has got, and hands over the file as a Blob (passed
 * by reference, never copied through the page's thread).
 */
import type { ExportReply, ExportRequest } from '../messages/data';
import { openFeedlensDb } from './db';
import { exportBlob, type ExportProgress } from './export';

export interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: ExportReply): void;
}

/** Progress is sent at most this often: the page needs no more to show counts. */
const PROGRESS_MS = 100;

export function serveExports(scope: WorkerScope): void {
  // A worker's postMessage has no target origin: it only ever reaches the page that started it.
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  const send = (reply: ExportReply) => scope.postMessage(reply);
  scope.addEventListener('message', (event) => {
    const request = event.data as ExportRequest;
    if (request?.type !== 'export') return;
    let last = 0;
    let latest: ExportProgress | undefined;
    void openFeedlensDb()
      .then(async (db) => {
        try {
          const blob = await exportBlob(db, {
            ...(request.settings ? { settings: request.settings } : {}),
            onProgress(progress) {
              latest = progress;
              const now = Date.now();
              if (now - last < PROGRESS_MS) return;
              last = now;
              send({ type: 'export-progress', progress });
            },
          });
          send({ type: 'export-done', blob, progress: latest! });
        } finally {
          db.close();
        }
      })
      .catch((error: unknown) =>
        send({ type: 'export-failed', error: error instanceof Error ? error.message : String(error) }),
      );
  });
}
