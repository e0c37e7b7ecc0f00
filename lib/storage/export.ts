/**
 * The export file: all stored data as one JSON document in a documented, versioned format
 * (see README, "Export format"). Built in chunks so that a year of data never has to exist as one
 * string in memory.
 */
import { DB_VERSION, type FeedlensDatabase } from './db';

export const EXPORT_FORMAT = 'feedlens-export';
export const EXPORT_VERSION = 1;

/** Records per read transaction while exporting: large enough to be fast, small enough to stay light. */
const PAGE = 2000;

async function* pages<S extends 'posts' | 'snapshots'>(db: FeedlensDatabase, store: S) {
  let lower: IDBValidKey | undefined;
  for (;;) {
    const range = lower === undefined ? undefined : IDBKeyRange.lowerBound(lower, true);
    const tx = db.transaction(store);
    const [values, keys] = await Promise.all([tx.store.getAll(range, PAGE), tx.store.getAllKeys(range, PAGE)]);
    await tx.done;
    if (values.length === 0) return;
    yield values;
    lower = keys[keys.length - 1] as IDBValidKey;
    if (values.length < PAGE) return;
  }
}

/** The export as JSON text chunks; `new Blob(chunks)` is the file. */
export async function exportChunks(db: FeedlensDatabase, now: number = Date.now()): Promise<string[]> {
  const header = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: DB_VERSION,
    exportedAt: new Date(now).toISOString(),
  };
  const chunks: string[] = [JSON.stringify(header).slice(0, -1)];
  for (const store of ['posts', 'snapshots'] as const) {
    chunks.push(`,"${store}":[`);
    let first = true;
    for await (const values of pages(db, store)) {
      const body = values.map((value) => JSON.stringify(value)).join(',');
      chunks.push(first ? body : `,${body}`);
      first = false;
    }
    chunks.push(']');
  }
  chunks.push('}');
  return chunks;
}

/** The file name users see: feedlens-export-2026-11-22.json */
export function exportFileName(now: number = Date.now()): string {
  return `feedlens-export-${new Date(now).toISOString().slice(0, 10)}.json`;
}
