/**
 * Where an import waits while it is checked: a database of its own ("feedlens-import"), written by
 * the background only, that holds the file's posts and snapshots exactly as they will be merged.
 * Nothing reaches the store until the whole file has passed, so a refused or cancelled import is
 * dropped with this database and leaves the store as it was. IndexedDB keeps the records sorted by
 * key, so saving can take them post by post with their snapshots, whatever order the file had.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Settings } from '../settings/settings';
import type { PostRecord, SnapshotRecord } from './schema';

export const STAGING_DB_NAME = 'feedlens-import';

export interface StagingMeta {
  /** Checking the file (nothing in the store changed), or saving it into the store. */
  state: 'checking' | 'saving';
  startedAt: number;
  posts: number;
  snapshots: number;
  /** Saving: the last post key saved (posts are saved in key order), and how many so far. */
  savedThrough?: string;
  savedPosts?: number;
  savedSnapshots?: number;
  /** The file's settings, restored after the data only if the user agreed. */
  settings?: Settings;
  /** Imported posts older than the user's retention (they are told the next cleanup removes them). */
  beyondRetention?: number;
}

export interface StagingDB extends DBSchema {
  posts: { key: string; value: PostRecord };
  snapshots: { key: [string, number]; value: SnapshotRecord };
  meta: { key: string; value: StagingMeta };
}

export type StagingDatabase = IDBPDatabase<StagingDB>;

export const META_KEY = 'import';

export function openStaging(name = STAGING_DB_NAME): Promise<StagingDatabase> {
  return openDB<StagingDB>(name, 1, {
    upgrade(db) {
      db.createObjectStore('posts', { keyPath: 'key' });
      db.createObjectStore('snapshots', { keyPath: ['post', 'at'] });
      db.createObjectStore('meta');
    },
  });
}

/** Whether a staging database exists (without creating one). */
export async function stagingExists(name = STAGING_DB_NAME): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((info) => info.name === name);
}

/** Drops an import's staging database, closing the connection first. */
export async function discardStaging(staging: StagingDatabase | null, name = STAGING_DB_NAME): Promise<void> {
  staging?.close();
  await deleteDB(name);
}

export function readMeta(staging: StagingDatabase): Promise<StagingMeta | undefined> {
  return staging.get('meta', META_KEY);
}

export async function writeMeta(staging: StagingDatabase, meta: StagingMeta): Promise<void> {
  await staging.put('meta', meta, META_KEY);
}
