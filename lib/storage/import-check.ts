/**
 * Importing, step one: checking the file as it streams in. Every record is validated
 * (lib/storage/import.ts) and staged (import-staging.ts); nothing is written to the store, so a
 * file refused anywhere, even at its last byte, changes nothing. A post the file holds twice is
 * merged as readings are: the copy seen last (`lastSeenAt`) wins, counts it lacks keep the other's.
 */
import { isObject } from '../messages/checks';
import { t, type MessageKey } from '../ui/i18n';
import { normalizeSettings, type Settings } from '../settings/settings';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { mergePosts, validatePost, validateSnapshot, type RecordChecks } from './import';
import { writeMeta, type StagingDatabase, type StagingMeta } from './import-staging';
import { createMemberScanner, JsonStreamError } from './json-members';
import type { PostRecord, SnapshotRecord } from './schema';

/** A refusal in words a user can act on; the store is unchanged. */
export class ImportRefused extends Error {}

/** The longest text one record may have: posts are about 2 KB, snapshots a few hundred bytes. */
export const MAX_RECORD_LENGTH = 256 * 1024;

export interface CheckProgress {
  posts: number;
  snapshots: number;
}

export interface CheckResult {
  /** Distinct posts (a post held twice counts once), snapshots, and posts held more than once. */
  posts: number;
  snapshots: number;
  duplicates: number;
  settings?: Settings;
  /** Posts last seen before `retentionCutoff` (the next cleanup deletes them). */
  beyondRetention: number;
}

export interface ImportCheck {
  /** Checks the next piece of the file; resolves once its records are staged. */
  write(text: string): Promise<void>;
  /** The file is complete: the last checks, and the staging marked ready to save. */
  finish(): Promise<CheckResult>;
  readonly progress: CheckProgress;
}

const NOT_AN_EXPORT: MessageKey = 'prefs.importCheck.notExport';

export async function startImportCheck(
  staging: StagingDatabase,
  checks: RecordChecks & { retentionCutoff?: number; restoreSettings?: boolean },
): Promise<ImportCheck> {
  const meta: StagingMeta = { state: 'checking', startedAt: checks.now, posts: 0, snapshots: 0 };
  await writeMeta(staging, meta);
  const progress: CheckProgress = { posts: 0, snapshots: 0 };
  const header: { format?: unknown; version?: unknown; settings?: Settings; arrays: Set<string> } = {
    arrays: new Set(),
  };
  /** Posts staged (key → last seen), and every post key met so far. */
  const staged = new Map<string, number>();
  const known = new Set<string>();
  /** Snapshots whose post had not been met yet: key → the first such snapshot's position. */
  const orphans = new Map<string, number>();
  let posts: PostRecord[] = [];
  let snapshots: SnapshotRecord[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  const refuse = (text: string): never => {
    throw new ImportRefused(text);
  };

  const scanner = createMemberScanner(
    new Set(['posts', 'snapshots']),
    {
      member(key, value) {
        if (key === 'format' && value !== EXPORT_FORMAT) refuse(t(NOT_AN_EXPORT));
        if (key === 'version' && value !== EXPORT_VERSION)
          refuse(t('prefs.importCheck.version', { found: String(value).slice(0, 20), reads: EXPORT_VERSION }));
        if (key === 'posts' || key === 'snapshots') refuse(t('prefs.importCheck.notLists'));
        if (key === 'settings') {
          if (!isObject(value)) refuse(t('prefs.importCheck.settings'));
          const settings = normalizeSettings(value);
          header.settings = { ...settings, hide: { ...settings.hide, snoozeUntil: 0 } };
        }
        if (key === 'format' || key === 'version') header[key] = value;
      },
      arrayStart(key) {
        header.arrays.add(key);
      },
      element(key, value, index) {
        if (key === 'posts') {
          const post = validatePost(value, checks);
          if (typeof post === 'string') refuse(t('prefs.importCheck.post', { index: index + 1, reason: post }));
          const record = post as PostRecord;
          known.add(record.key);
          posts.push(record);
          progress.posts++;
        } else {
          const snapshot = validateSnapshot(value, checks);
          if (typeof snapshot === 'string')
            refuse(t('prefs.importCheck.snapshot', { index: index + 1, reason: snapshot }));
          const record = snapshot as SnapshotRecord;
          if (!known.has(record.post) && !orphans.has(record.post)) orphans.set(record.post, index);
          snapshots.push(record);
          progress.snapshots++;
        }
      },
    },
    MAX_RECORD_LENGTH,
  );

  /** Pieces of snapshots staged so far. */
  let stagedPieces = 0;

  /** Stages what the last piece held: one transaction, duplicates merged with their staged copy. */
  async function stage(batchPosts: PostRecord[], batchSnapshots: SnapshotRecord[]): Promise<void> {
    const byKey = new Map<string, PostRecord>();
    for (const post of batchPosts) {
      const other = byKey.get(post.key);
      byKey.set(post.key, other ? mergePosts(other, post) : post);
    }
    const tx = staging.transaction(['posts', 'snapshots'], 'readwrite');
    const writes: Promise<unknown>[] = [];
    const again = [...byKey.values()].filter((post) => staged.has(post.key));
    const earlier = await Promise.all(again.map((post) => tx.objectStore('posts').get(post.key)));
    again.forEach((post, i) => byKey.set(post.key, earlier[i] ? mergePosts(earlier[i]!, post) : post));
    for (const post of byKey.values()) writes.push(tx.objectStore('posts').put(post));
    if (batchSnapshots.length)
      writes.push(tx.objectStore('snapshots').put(JSON.stringify(batchSnapshots), stagedPieces));
    await Promise.all([...writes, tx.done]);
    if (batchSnapshots.length) stagedPieces++;
    for (const post of byKey.values()) staged.set(post.key, post.lastSeenAt);
  }

  const scan = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof JsonStreamError) refuse(t('prefs.importCheck.json', { error: error.message }));
      throw error;
    }
  };

  const flush = () => {
    const batch = [posts, snapshots] as const;
    posts = [];
    snapshots = [];
    flushing = flushing
      .then(() => (failure ? undefined : stage(...batch)))
      .catch((error: unknown) => {
        failure ??= error;
      });
    return flushing.then(() => {
      if (failure) throw failure;
    });
  };

  return {
    progress,
    write(text) {
      if (failure) return Promise.reject(failure);
      scan(() => scanner.write(text));
      return flush();
    },
    async finish() {
      scan(() => scanner.end());
      await flush();
      if (header.format === undefined) refuse(t(NOT_AN_EXPORT));
      if (header.version === undefined) refuse(t('prefs.importCheck.noVersion'));
      if (header.arrays.size < 2) refuse(t('prefs.importCheck.missing'));
      for (const [key, index] of orphans) {
        if (!staged.has(key)) refuse(t('prefs.importCheck.orphan', { index: index + 1 }));
      }
      const cutoff = checks.retentionCutoff;
      let beyondRetention = 0;
      if (cutoff !== undefined) for (const lastSeen of staged.values()) if (lastSeen < cutoff) beyondRetention++;
      const result: CheckResult = {
        posts: staged.size,
        snapshots: progress.snapshots,
        duplicates: progress.posts - staged.size,
        beyondRetention,
      };
      if (header.settings) result.settings = header.settings;
      await writeMeta(staging, {
        ...meta,
        state: 'saving',
        posts: result.posts,
        snapshots: result.snapshots,
        pieces: stagedPieces,
        savedPieces: 0,
        savedPosts: 0,
        savedSnapshots: 0,
        beyondRetention,
        // Kept for saving only if the user agreed to restore them.
        ...(header.settings && checks.restoreSettings ? { settings: header.settings } : {}),
      });
      return result;
    },
  };
}
