/**
 * The local store: every post Feedlens has read, and its counts over time.
 *
 * It lives in IndexedDB in the extension's own origin (opened by the background and the extension
 * pages, never by content scripts, whose IndexedDB would belong to the site). The schema evolves
 * through the `if (oldVersion < N)` ladder in {@link upgrade}; every step ships with a migration test.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { FeedlensDatabase, FeedlensDB } from './schema';
import { backfillV2 } from './migrate-v2';

export const DB_NAME = 'feedlens';
export const DB_VERSION = 2;

export type { FeedlensDatabase, FeedlensDB, PostRecord, SnapshotRecord } from './schema';

function upgrade(
  db: IDBPDatabase<FeedlensDB>,
  oldVersion: number,
  _newVersion: number | null,
  tx: IDBPTransaction<FeedlensDB, StoreNames<FeedlensDB>[], 'versionchange'>,
): void {
  // v1: posts and their snapshots.
  if (oldVersion < 1) {
    const posts = db.createObjectStore('posts', { keyPath: 'key' });
    posts.createIndex('by-platform-seen', ['platform', 'lastSeenAt']);
    posts.createIndex('by-author', ['platform', 'author']);
    db.createObjectStore('snapshots', { keyPath: ['post', 'at'] });
  }
  // v2 (analytics): indexes by publication time, counts at fixed ages on each post, and a flag for
  // retention. Posts stored by v1 get their ages computed from their snapshots, in this same
  // transaction, so a failure leaves the v1 database as it was.
  if (oldVersion < 2) {
    const posts = tx.objectStore('posts');
    posts.createIndex('by-author-posted', ['platform', 'author', 'postedAt']);
    posts.createIndex('by-platform-posted', ['platform', 'postedAt']);
    posts.createIndex('by-thin', 'thin');
    if (oldVersion >= 1) {
      backfillV2(tx).catch((error: unknown) => {
        console.error('Feedlens: upgrading the store failed; it stays at version 1', error);
        // The abort rejects tx.done too; openDB's own rejection already reports the failure.
        tx.done.catch(() => undefined);
        try {
          tx.abort();
        } catch {
          // Already aborted.
        }
      });
    }
  }
}

/**
 * Opens (and if needed upgrades) the store. A factory rather than a module-level promise, so tests
 * get fresh databases and a closed connection (service worker restarts) is simply reopened.
 */
export function openFeedlensDb(name = DB_NAME): Promise<FeedlensDatabase> {
  return openDB<FeedlensDB>(name, DB_VERSION, { upgrade });
}

/**
 * Keeps one open connection, reopens it after the browser closes it, and steps aside when a newer
 * version of the extension (in another page) needs to upgrade the schema.
 */
export function connectionCache(
  open: () => Promise<FeedlensDatabase> = openFeedlensDb,
): () => Promise<FeedlensDatabase> {
  let pending: Promise<FeedlensDatabase> | null = null;
  return () => {
    if (!pending) {
      pending = open().then((db) => {
        const forget = () => {
          pending = null;
        };
        db.addEventListener('close', forget);
        db.addEventListener('versionchange', () => {
          db.close();
          forget();
        });
        return db;
      });
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  };
}
