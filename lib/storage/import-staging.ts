/**
 * Where an import waits while it is checked: a database of its own ("feedlens-import"), written by
 * the background only, that holds the file's posts and snapshots exactly as they will be merged.
 * Nothing reaches the store until the whole file has passed, so a refused or cancelled import is
 * dropped with this database and leaves the store as it was.
 *
 * Posts are staged one record each (a post the file holds twice is merged here). Snapshots, ten
 * times as many, are staged as the checked JSON text of each piece of the file, one record per
 * piece: storing and reading back a string costs a fraction of a record per snapshot, so staging
 * adds little to the import beyond the store's own writes.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Settings } from '../settings/settings';
import type { PostRecord } from './schema';

export const STAGING_DB_NAME = 'feedlens-import';

export interface StagingMeta {
  /** Checking the file (nothing in the store changed), or saving it into the store. */
  state: 'checking' | 'saving';
  startedAt: number;
  posts: number;
  snapshots: number;
  /** Snapshot pieces staged, and (saving) how many of them are saved. */
  pieces?: number;
  savedPieces?: number;
  /** Saving the posts without snapshots, in key order: the last key saved. */
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
  /** The checked snapshots of one piece of the file, as JSON text (an array of SnapshotRecord). */
  snapshots: { key: number; value: string };
  meta: { key: string; value: StagingMeta };
}

export type StagingDatabase = IDBPDatabase<StagingDB>;

export const META_KEY = 'import';

export function openStaging(name = STAGING_DB_NAME): Promise<StagingDatabase> {
  return openDB<StagingDB>(name, 1, {
    upgrade(db) {
      db.createObjectStore('posts', { keyPath: 'key' });
      db.createObjectStore('snapshots');
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
