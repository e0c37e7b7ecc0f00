/**
 * The export file: all stored data as one JSON document in a documented, versioned format
 * (see README, "Export format"), optionally with the user's settings. Read a page of records at a
 * time and written as text pieces, so that a year of data never exists as one string in memory and
 * each step is a short task: the page exporting stays responsive.
 */
import type { Settings } from '../settings/settings';
import { DB_VERSION } from './db';
import type { FeedlensDatabase } from './schema';

export const EXPORT_FORMAT = 'feedlens-export';
export const EXPORT_VERSION = 1;

/**
 * Records per read: large enough to be fast, small enough that reading and stringifying one page is
 * a short task on the page (a post record is about 1.5 KB, a snapshot about 300 bytes).
 */
const PAGE = { posts: 400, snapshots: 2000 };

export interface ExportProgress {
  posts: number;
  totalPosts: number;
  snapshots: number;
  totalSnapshots: number;
}

export interface ExportOptions {
  now?: number;
  /** The settings to include (accounts, peers, hiding and badge choices), if the user wants them. */
  settings?: Settings;
  onProgress?(progress: ExportProgress): void;
}

type Store = 'posts' | 'snapshots';

/** The key after which the next page starts: the record's own key (posts by `key`, snapshots by `[post, at]`). */
const keyOf = (store: Store, value: { key?: string; post?: string; at?: number }): IDBValidKey =>
  store === 'posts' ? value.key! : [value.post!, value.at!];

async function* pages(db: FeedlensDatabase, store: Store) {
  let lower: IDBValidKey | undefined;
  for (;;) {
    const range = lower === undefined ? undefined : IDBKeyRange.lowerBound(lower, true);
    const values: object[] = await db.getAll(store, range, PAGE[store]);
    if (values.length === 0) return;
    yield values;
    if (values.length < PAGE[store]) return;
    lower = keyOf(store, values[values.length - 1]!);
  }
}

/** The export as JSON text pieces, in order; `new Blob([...pieces])` is the file. */
export async function* exportPieces(db: FeedlensDatabase, options: ExportOptions = {}): AsyncGenerator<string> {
  const now = options.now ?? Date.now();
  const progress: ExportProgress = {
    posts: 0,
    totalPosts: await db.count('posts'),
    snapshots: 0,
    totalSnapshots: await db.count('snapshots'),
  };
  const header: Record<string, unknown> = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: DB_VERSION,
    exportedAt: new Date(now).toISOString(),
  };
  if (options.settings) header.settings = options.settings;
  options.onProgress?.({ ...progress });
  yield JSON.stringify(header).slice(0, -1);
  for (const store of ['posts', 'snapshots'] as const) {
    yield `,"${store}":[`;
    let first = true;
    for await (const values of pages(db, store)) {
      // One stringify per page, its brackets cut: much faster than one call per record.
      const body = JSON.stringify(values).slice(1, -1);
      yield first ? body : `,${body}`;
      first = false;
      if (store === 'posts') progress.posts += values.length;
      else progress.snapshots += values.length;
      // Records written since the counts were taken may make a page more than the total said.
      progress.totalPosts = Math.max(progress.totalPosts, progress.posts);
      progress.totalSnapshots = Math.max(progress.totalSnapshots, progress.snapshots);
      options.onProgress?.({ ...progress });
    }
    yield ']';
  }
  yield '}';
}

/** Text gathered before it is handed to a Blob, so JavaScript memory stays small with a year of data. */
const BLOB_STEP = 8 * 1024 * 1024;

/** The export file as a Blob, built piece by piece (each Blob references the last, nothing is copied twice). */
export async function exportBlob(db: FeedlensDatabase, options: ExportOptions = {}): Promise<Blob> {
  let blob = new Blob([], { type: 'application/json' });
  let pending: string[] = [];
  let size = 0;
  for await (const piece of exportPieces(db, options)) {
    pending.push(piece);
    size += piece.length;
    if (size >= BLOB_STEP) {
      blob = new Blob([blob, ...pending], { type: 'application/json' });
      pending = [];
      size = 0;
    }
  }
  return new Blob([blob, ...pending], { type: 'application/json' });
}

/** The whole export as one string: for tests and small stores only. */
export async function exportText(db: FeedlensDatabase, options: ExportOptions = {}): Promise<string> {
  let text = '';
  for await (const piece of exportPieces(db, options)) text += piece;
  return text;
}

/** The file name users see: feedlens-export-2026-11-22.json */
export function exportFileName(now: number = Date.now()): string {
  return `feedlens-export-${new Date(now).toISOString().slice(0, 10)}.json`;
}
