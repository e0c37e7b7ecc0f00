/**
 * Test helper: the store as Feedlens's version-1 schema code created it (posts by key with their
 * two indexes, snapshots by post and time), for the migration and upgrade-failure tests.
 */
import { openDB, type IDBPDatabase } from 'idb';

export function openV1Store(): Promise<IDBPDatabase> {
  return openDB('feedlens', 1, {
    upgrade(db) {
      const posts = db.createObjectStore('posts', { keyPath: 'key' });
      posts.createIndex('by-platform-seen', ['platform', 'lastSeenAt']);
      posts.createIndex('by-author', ['platform', 'author']);
      db.createObjectStore('snapshots', { keyPath: ['post', 'at'] });
    },
  });
}
