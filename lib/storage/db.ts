/**
 * The local store: every post Feedlens has read, and its counts over time.
 *
 * It lives in IndexedDB in the extension's own origin (opened by the background and the extension
 * pages, never by content scripts, whose IndexedDB would belong to the site). The schema evolves
 * through the `if (oldVersion < N)` ladder in {@link upgrade}; every step ships with a migration test.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Counts, Metric, PlatformId } from '../model';
import type { AgeSamples, CountPoint } from '../metrics/ages';
import { backfillV2 } from './migrate-v2';

export const DB_NAME = 'feedlens';
export const DB_VERSION = 2;

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
  /**
   * v2: the post's counts at 1 h, 6 h, 24 h and 7 d after posting, where Feedlens saw it around
   * those ages (lib/metrics/ages.ts), kept up to date at every reading so that comparing posts at
   * equal ages never scans snapshots. Absent without `postedAt`.
   */
  ages?: AgeSamples;
  /** v2: the newest reading's own counts (not merged with older ones): the next reading's neighbour. */
  last?: CountPoint;
  /** v2: 1 while the post has snapshots that retention may thin (indexed; absent otherwise). */
  thin?: 1;
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
      /** v2: an author's posts by publication time (baselines, "my posts"). */
      'by-author-posted': [PlatformId, string, number];
      /** v2: a platform's posts by publication time (peers, the dashboard's date filter). */
      'by-platform-posted': [PlatformId, number];
      /** v2: posts whose snapshots retention should thin. */
      'by-thin': number;
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
