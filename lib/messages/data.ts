/**
 * The data channel: how Feedlens's own pages (settings, dashboard) ask the background to change the
 * store, which only the background writes: import a file, delete data. One port per job
 * ({@link DATA_PORT}); progress is published in `storage.local` (lib/background/data-status.ts) so
 * every open page, and a page reopened later, sees it.
 *
 * An import streams the file through the port: the page sends a piece whenever the background asks
 * for one (`import-more`), so the page never holds or parses the file and the background never
 * receives more than it can stage.
 */
import { isPlatformId } from '../model';
import type { Settings } from '../settings/settings';
import type { DeleteScope } from '../storage/delete';
import type { ExportProgress } from '../storage/export';
import { isFiniteNumber, isObject } from './checks';
import { MAX_ID_LENGTH } from './reading';
import { formatMegabytes } from '../ui/format';
import { t } from '../ui/i18n';

export const DATA_PORT = 'feedlens-data';

/**
 * The largest file an import accepts: 1 GB. A year of heavy use (100,000 posts, 1,000,000
 * snapshots) exports to about 450 MB, so a backup of two such years fits. A larger file is not one
 * Feedlens wrote (a video or a disk image picked by mistake): checking it would take many minutes
 * and, while it is staged, as much space again on disk.
 */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** Why a file of `size` bytes is refused before anything is read (too large), or null. */
export function sizeRefusal(size: number): string | null {
  if (size <= MAX_IMPORT_BYTES) return null;
  return t('prefs.imported.tooLarge', {
    size: formatMegabytes(size),
    max: formatMegabytes(MAX_IMPORT_BYTES),
    year: formatMegabytes(450 * 1024 ** 2),
  });
}

/** Bytes of the file per piece sent: about 1 MB, a few milliseconds to decode and send on the page. */
export const IMPORT_PIECE_BYTES = 1024 * 1024;

export type DataRequest =
  | { type: 'import-start'; size: number; restoreSettings: boolean }
  /** The next piece of the file's text; `bytes` is how far into the file it reaches. */
  | { type: 'import-piece'; text: string; bytes: number }
  | { type: 'import-end' }
  | { type: 'import-cancel' }
  | { type: 'delete'; scope: DeleteScope };

export type DataReply = { type: 'import-more' } | { type: 'finished'; job: DataJob };

/**
 * A page asking its export worker (entrypoints/export-worker.ts) for the export file, and the
 * worker's replies: exports only read the store, so they run beside the page rather than in the
 * background, but off its main thread.
 */
export type ExportRequest = { type: 'export'; settings?: Settings };
export type ExportReply =
  | { type: 'export-progress'; progress: ExportProgress }
  | { type: 'export-done'; blob: Blob; progress: ExportProgress }
  | { type: 'export-failed'; error: string };

export type DataJobState = 'checking' | 'saving' | 'deleting' | 'done' | 'refused' | 'cancelled' | 'failed';

/** The current (or last) data job, as pages show it. */
export interface DataJob {
  kind: 'import' | 'delete';
  state: DataJobState;
  /** What happened, in words (a refusal, the outcome). */
  message?: string;
  /** Checking: how much of the file has been read. */
  bytes?: number;
  totalBytes?: number;
  /** Posts and snapshots checked, saved or deleted so far, and (when known) in all. */
  posts: number;
  snapshots: number;
  totalPosts?: number;
  totalSnapshots?: number;
  at: number;
}

/** Something Feedlens deleted on its own (retention, a full disk), kept for the settings page. */
export interface DataNotice {
  at: number;
  text: string;
}

export const isRunning = (job: DataJob | undefined): boolean =>
  !!job && (job.state === 'checking' || job.state === 'saving' || job.state === 'deleting');

/** A piece never holds more text than its bytes decode to, with room for the decoder's carry. */
const MAX_PIECE_LENGTH = IMPORT_PIECE_BYTES + 16;

function validateScope(value: unknown): DeleteScope | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === 'all') return { kind: 'all' };
  if (value.kind === 'site' && isPlatformId(value.platform)) return { kind: 'site', platform: value.platform };
  if (value.kind === 'post' && typeof value.key === 'string') {
    const platform = value.key.slice(0, value.key.indexOf(':'));
    const id = value.key.length - platform.length - 1;
    if (isPlatformId(platform) && id > 0 && id <= MAX_ID_LENGTH) return { kind: 'post', key: value.key };
  }
  return undefined;
}

/** A request from one of Feedlens's pages as the background acts on it, or undefined. */
export function validateDataRequest(message: unknown): DataRequest | undefined {
  if (!isObject(message)) return undefined;
  switch (message.type) {
    case 'import-start':
      if (!isFiniteNumber(message.size) || message.size < 0 || typeof message.restoreSettings !== 'boolean')
        return undefined;
      return { type: 'import-start', size: message.size, restoreSettings: message.restoreSettings };
    case 'import-piece':
      if (typeof message.text !== 'string' || message.text.length > MAX_PIECE_LENGTH) return undefined;
      if (!isFiniteNumber(message.bytes) || message.bytes < 0) return undefined;
      return { type: 'import-piece', text: message.text, bytes: message.bytes };
    case 'import-end':
    case 'import-cancel':
      return { type: message.type };
    case 'delete': {
      const scope = validateScope(message.scope);
      return scope ? { type: 'delete', scope } : undefined;
    }
    default:
      return undefined;
  }
}
