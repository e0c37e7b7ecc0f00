/**
 * Evaluated in the extension's service worker and settings page by the data benchmark: the raw
 * IndexedDB baselines the import and the export are compared with, on the same records.
 */
const PAGE = 2000;
/** Records per raw write transaction: large, as a bulk load would use. */
const WRITE_BATCH = 5000;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function open(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  const r = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
  if (upgrade) r.onupgradeneeded = () => upgrade(r.result);
  return request(r);
}

type Stored = { key?: string; post?: string; at?: number };

/** Every record of a store, a page of `getAll` at a time: the fastest way idb offers to read it all. */
async function readStore(db: IDBDatabase, store: 'posts' | 'snapshots'): Promise<Stored[]> {
  const all: Stored[] = [];
  let lower: IDBValidKey | undefined;
  for (;;) {
    const range = lower === undefined ? undefined : IDBKeyRange.lowerBound(lower, true);
    const page = (await request(db.transaction(store).objectStore(store).getAll(range, PAGE))) as Stored[];
    for (const record of page) all.push(record);
    if (page.length < PAGE) return all;
    const last = page[page.length - 1]!;
    lower = store === 'posts' ? last.key! : [last.post!, last.at!];
  }
}

/** Raw read: every post and snapshot of the Feedlens store; resolves with the time it took. */
async function rawRead(): Promise<{ ms: number; records: number }> {
  const db = await open('feedlens');
  const started = performance.now();
  const records = (await readStore(db, 'posts')).length + (await readStore(db, 'snapshots')).length;
  const ms = performance.now() - started;
  db.close();
  return { ms, records };
}

/**
 * Raw write: the same records as the Feedlens store holds, put into a fresh database with the
 * same object stores and indexes, in transactions of {@link WRITE_BATCH}; only the writes are timed.
 */
async function rawWrite(): Promise<{ ms: number; records: number }> {
  const source = await open('feedlens');
  const posts = await readStore(source, 'posts');
  const snapshots = await readStore(source, 'snapshots');
  source.close();
  await request(indexedDB.deleteDatabase('feedlens-bench-raw'));
  const db = await open('feedlens-bench-raw', (d) => {
    const p = d.createObjectStore('posts', { keyPath: 'key' });
    p.createIndex('by-platform-seen', ['platform', 'lastSeenAt']);
    p.createIndex('by-author', ['platform', 'author']);
    p.createIndex('by-author-posted', ['platform', 'author', 'postedAt']);
    p.createIndex('by-platform-posted', ['platform', 'postedAt']);
    p.createIndex('by-thin', 'thin');
    d.createObjectStore('snapshots', { keyPath: ['post', 'at'] });
  });
  const records: [string, Stored][] = [
    ...posts.map((p): [string, Stored] => ['posts', p]),
    ...snapshots.map((s): [string, Stored] => ['snapshots', s]),
  ];
  const started = performance.now();
  for (let i = 0; i < records.length; i += WRITE_BATCH) {
    const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
    for (const [store, record] of records.slice(i, i + WRITE_BATCH)) tx.objectStore(store).put(record);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - started;
  db.close();
  await request(indexedDB.deleteDatabase('feedlens-bench-raw'));
  return { ms, records: records.length };
}

/** Empties the Feedlens store between rounds (the bench's own doing, not the extension's). */
async function clearStore(): Promise<void> {
  const db = await open('feedlens');
  const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
  tx.objectStore('posts').clear();
  tx.objectStore('snapshots').clear();
  await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
  db.close();
}

(globalThis as unknown as { feedlensDataBench: object }).feedlensDataBench = {
  rawRead,
  rawWrite,
  clearStore,
};
