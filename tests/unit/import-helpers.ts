/** Test helpers: a fresh in-memory store, and an import run end to end (check, stage, save) from text. */
import { IDBFactory } from 'fake-indexeddb';
import type { HostCheck } from '../../lib/messages/reading';
import { exact, type PostReading } from '../../lib/model';
import { adapterById, hostMatches } from '../../lib/platforms/registry';
import { openFeedlensDb, type FeedlensDatabase } from '../../lib/storage/db';
import { ImportRefused, startImportCheck, type CheckResult } from '../../lib/storage/import-check';
import { saveStaged, type SaveOptions } from '../../lib/storage/import-save';
import { discardStaging, openStaging } from '../../lib/storage/import-staging';
import { EXPORT_FORMAT } from '../../lib/storage/export';

export const T0 = Date.parse('2026-11-01T12:00:00Z');
/** The import's clock: a day after T0. */
export const NOW = T0 + 24 * 3600 * 1000;

/** The background's permalink rule: the platform's own hosts; any https host for Mastodon. */
export const hostAllowed: HostCheck = (platform, host) =>
  platform === 'mastodon' || hostMatches(adapterById(platform)!, host);

export async function freshDb(): Promise<FeedlensDatabase> {
  globalThis.indexedDB = new IDBFactory();
  return openFeedlensDb();
}

export function reading(postId: string, readAt: number, likes: number): PostReading {
  return {
    platform: 'x',
    postId,
    url: `https://x.com/ada/status/${postId}`,
    author: 'ada',
    text: 'hello <b>world</b>',
    counts: { likes: exact(likes) },
    readAt,
  };
}

/** `text` cut into pieces of `size` characters, as a file arrives in pieces. */
export function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [''];
}

export type ImportOutcome = { ok: true; result: CheckResult } | { ok: false; error: string };

/** Imports `text` into `db` as the background does, in pieces of `size` characters. */
export async function importText(
  db: FeedlensDatabase,
  text: string,
  options: { size?: number; restoreSettings?: boolean; retentionCutoff?: number; save?: SaveOptions } = {},
): Promise<ImportOutcome> {
  const staging = await openStaging();
  try {
    const check = await startImportCheck(staging, {
      now: NOW,
      hostAllowed,
      siteName: (platform) => adapterById(platform)?.name ?? platform,
      ...(options.restoreSettings ? { restoreSettings: true } : {}),
      ...(options.retentionCutoff ? { retentionCutoff: options.retentionCutoff } : {}),
    });
    for (const piece of pieces(text, options.size ?? 97)) await check.write(piece);
    const result = await check.finish();
    await saveStaged(db, staging, options.save);
    return { ok: true, result };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, error: error.message };
    throw error;
  } finally {
    await discardStaging(staging);
  }
}

/** A one-post export file, with changes to its post and snapshot. */
export function file(post: Record<string, unknown> = {}, snapshot: Record<string, unknown> = {}, extra: object = {}) {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    version: 1,
    ...extra,
    posts: [
      {
        key: 'x:1',
        platform: 'x',
        postId: '1',
        url: 'https://x.com/ada/status/1',
        author: 'ada',
        firstSeenAt: T0,
        lastSeenAt: T0 + 1000,
        lastSnapshotAt: T0 + 1000,
        latest: { likes: { precision: 'exact', value: 7 } },
        ...post,
      },
    ],
    snapshots: [{ post: 'x:1', at: T0 + 1000, counts: { likes: { precision: 'exact', value: 7 } }, ...snapshot }],
  });
}
