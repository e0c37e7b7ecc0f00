/**
 * The local store: every post Feedlens has read, and its counts over time.
 *
 * It lives in IndexedDB in the extension's own origin (opened by the background and the extension
 * pages, never by content scripts, whose IndexedDB would belong to the site). The schema evolves
 * through the `if (oldVersion < N)` ladder in {@link upgrade}; every step ships with a migration test.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Counts, Metric, PlatformId } from '../model';

export const DB_NAME = 'feedlens';
export const DB_VERSION = 1;

/** One post as stored: what it is, and its latest known counts. */
export interface PostRecord {
  /** `${platform}:${postId}` */
  key: string;
  platform: PlatformId;
  postId: string;
  url: string;
  author?: string;
  postedAt?: number;
  text?: string;
  promoted?: boolean;
  includes?: Partial<Record<Metric, Metric[]>>;
  firstSeenAt: number;
  lastSeenAt: number;
  /** The latest known value of each count; a count missing from a later reading keeps its value. */
  latest: Counts;
  /** Time of the most recent snapshot (which is the post's latest stored reading). */
  lastSnapshotAt: number;
}

/** The counts of one post at one moment. */
export interface SnapshotRecord {
  post: string;
  at: number;
  counts: Counts;
}

export interface FeedlensDB extends DBSchema {
  posts: {
    key: string;
    value: PostRecord;
    indexes: {
      'by-platform-seen': [PlatformId, number];
      'by-author': [PlatformId, string];
    };
  };
  snapshots: {
    key: [string, number];
    value: SnapshotRecord;
  };
}

export type FeedlensDatabase = IDBPDatabase<FeedlensDB>;

function upgrade(
  db: IDBPDatabase<FeedlensDB>,
  oldVersion: number,
  _newVersion: number | null,
  _tx: IDBPTransaction<FeedlensDB, StoreNames<FeedlensDB>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const posts = db.createObjectStore('posts', { keyPath: 'key' });
    posts.createIndex('by-platform-seen', ['platform', 'lastSeenAt']);
    posts.createIndex('by-author', ['platform', 'author']);
    db.createObjectStore('snapshots', { keyPath: ['post', 'at'] });
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
