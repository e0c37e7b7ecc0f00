/**
 * Importing an export file (from another browser, or a backup). The whole file is checked before
 * anything is written, and then written in one transaction: a corrupt file is refused with a
 * message saying what is wrong, and nothing already stored is lost or changed.
 */
import { isAgeId, mergeSamples, type AgeSamples, type CountPoint } from '../metrics/ages';
import { isPlatformId, postKey, type PlatformId } from '../model';
import { validateCounts, validateIncludes, validateSampleCounts } from '../messages/reading';
import type { FeedlensDatabase, PostRecord, SnapshotRecord } from './db';
import { deriveFromSnapshots } from './derive';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { abortQuietly } from './ingest';

export interface ImportData {
  posts: PostRecord[];
  snapshots: SnapshotRecord[];
}

export type ParsedImport = { ok: true; data: ImportData } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

function validatePoint(value: unknown, platform: PlatformId): CountPoint | undefined {
  if (!isObject(value) || !isTime(value.at)) return undefined;
  const counts = validateCounts(value.counts, { platform });
  return counts ? { at: value.at, counts } : undefined;
}

/** Counts at fixed ages (export v1 files written since schema v2 carry them; older ones do not). */
function validateAges(value: unknown): AgeSamples | undefined {
  if (!isObject(value)) return undefined;
  const ages: AgeSamples = {};
  for (const [age, sample] of Object.entries(value)) {
    if (!isAgeId(age) || !isObject(sample)) return undefined;
    const counts = validateSampleCounts(sample.counts);
    const off = sample.off;
    if (!counts || typeof off !== 'number' || !Number.isFinite(off) || off < 0) return undefined;
    ages[age] = { counts, off };
  }
  return ages;
}

function validatePost(value: unknown): PostRecord | string {
  if (!isObject(value)) return 'is not an object';
  const { platform, postId, key, url } = value;
  if (!isPlatformId(platform)) return `has an unknown platform (${String(platform)})`;
  if (!isText(postId, 512)) return 'has no post id';
  if (key !== postKey({ platform, postId })) return 'has a key that does not match its platform and id';
  if (!isText(url, 2048) || !url.startsWith('https://')) return 'has no https permalink';
  const latest = validateCounts(value.latest, { platform });
  if (!latest) return 'has malformed counts';
  if (!isTime(value.firstSeenAt) || !isTime(value.lastSeenAt) || !isTime(value.lastSnapshotAt))
    return 'has malformed times';
  const record: PostRecord = {
    key,
    platform,
    postId,
    url,
    firstSeenAt: value.firstSeenAt,
    lastSeenAt: value.lastSeenAt,
    lastSnapshotAt: value.lastSnapshotAt,
    latest,
  };
  if (value.author !== undefined) {
    if (!isText(value.author, 256)) return 'has a malformed author';
    record.author = value.author;
  }
  if (value.postedAt !== undefined) {
    if (!isTime(value.postedAt)) return 'has a malformed post time';
    record.postedAt = value.postedAt;
  }
  if (value.text !== undefined) {
    if (typeof value.text !== 'string' || value.text.length > 2000) return 'has malformed text';
    record.text = value.text;
  }
  if (value.promoted !== undefined) {
    if (typeof value.promoted !== 'boolean') return 'has a malformed promoted flag';
    if (value.promoted) record.promoted = true;
  }
  if (value.includes !== undefined) {
    const includes = validateIncludes(value.includes);
    if (!includes) return 'has malformed includes';
    record.includes = includes;
  }
  if (value.ages !== undefined) {
    const ages = validateAges(value.ages);
    if (!ages) return 'has malformed counts at fixed ages';
    record.ages = ages;
  }
  if (value.last !== undefined) {
    const last = validatePoint(value.last, platform);
    if (!last) return 'has a malformed latest reading';
    record.last = last;
  }
  if (value.thin !== undefined) {
    if (value.thin !== 1) return 'has a malformed retention flag';
    record.thin = 1;
  }
  // The snapshot rate limit's state (lib/storage/snapshot-policy.ts); a post without it starts afresh.
  if (isTime(value.snapshotClock)) record.snapshotClock = value.snapshotClock;
  if (value.heldBack === 1) record.heldBack = 1;
  return record;
}

function validateSnapshot(value: unknown, knownPosts: ReadonlySet<string>): SnapshotRecord | string {
  if (!isObject(value)) return 'is not an object';
  if (typeof value.post !== 'string' || !knownPosts.has(value.post)) return 'belongs to no post in the file';
  if (!isTime(value.at)) return 'has a malformed time';
  const platform = value.post.slice(0, value.post.indexOf(':'));
  const counts = validateCounts(value.counts, isPlatformId(platform) ? { platform } : {});
  if (!counts) return 'has malformed counts';
  return { post: value.post, at: value.at, counts };
}

/** Checks a whole export file; the error names the first problem in words a user can act on. */
export function parseImport(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON, so it is not a Feedlens export (it may be truncated).' };
  }
  if (!isObject(json) || json.format !== EXPORT_FORMAT) {
    return { ok: false, error: 'This file is not a Feedlens export.' };
  }
  if (json.version !== EXPORT_VERSION) {
    return {
      ok: false,
      error: `This export has format version ${String(json.version)}; this version of Feedlens reads version ${EXPORT_VERSION}.`,
    };
  }
  if (!Array.isArray(json.posts) || !Array.isArray(json.snapshots)) {
    return { ok: false, error: 'This export is missing its posts or snapshots.' };
  }
  const posts: PostRecord[] = [];
  for (const [index, value] of json.posts.entries()) {
    const post = validatePost(value);
    if (typeof post === 'string')
      return { ok: false, error: `Post ${index + 1} in the file ${post}; nothing was imported.` };
    posts.push(post);
  }
  const known = new Set(posts.map((p) => p.key));
  const snapshots: SnapshotRecord[] = [];
  for (const [index, value] of json.snapshots.entries()) {
    const snapshot = validateSnapshot(value, known);
    if (typeof snapshot === 'string')
      return { ok: false, error: `Snapshot ${index + 1} in the file ${snapshot}; nothing was imported.` };
    snapshots.push(snapshot);
  }
  return { ok: true, data: { posts, snapshots } };
}

/** Merges two records of one post: the newer reading wins, first/last seen widen. */
export function mergePosts(stored: PostRecord, incoming: PostRecord): PostRecord {
  const [older, newer] = stored.lastSeenAt >= incoming.lastSeenAt ? [incoming, stored] : [stored, incoming];
  const merged: PostRecord = {
    ...older,
    ...newer,
    latest: { ...older.latest, ...newer.latest },
    firstSeenAt: Math.min(stored.firstSeenAt, incoming.firstSeenAt),
    lastSeenAt: Math.max(stored.lastSeenAt, incoming.lastSeenAt),
    lastSnapshotAt: Math.max(stored.lastSnapshotAt, incoming.lastSnapshotAt),
  };
  const ages = mergeSamples(stored.ages, incoming.ages);
  if (ages) merged.ages = ages;
  return merged;
}

/**
 * A merged record completed from its full snapshot history (which the import may have extended):
 * better samples at fixed ages, the newest reading, and the retention flag if thinning is due.
 */
export function completeFromHistory(post: PostRecord, history: readonly SnapshotRecord[]): PostRecord {
  const derived = deriveFromSnapshots(post, history);
  const complete: PostRecord = { ...post };
  const ages = mergeSamples(post.ages, derived.ages);
  if (ages) complete.ages = ages;
  if (derived.last && (!post.last || derived.last.at > post.last.at)) complete.last = derived.last;
  if (derived.thin) complete.thin = 1;
  return complete;
}

/** Writes checked import data in one transaction, merging with what is stored. */
export async function importData(
  db: FeedlensDatabase,
  data: ImportData,
): Promise<{ posts: number; snapshots: number }> {
  const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
  const posts = tx.objectStore('posts');
  const snapshots = tx.objectStore('snapshots');
  const writes: Promise<unknown>[] = [];
  try {
    const stored = await Promise.all(data.posts.map((post) => posts.get(post.key)));
    for (const snapshot of data.snapshots) writes.push(snapshots.put(snapshot));
    // Each post's whole history (stored and imported) completes its v2 fields; files exported
    // before schema v2 have none.
    const histories = await Promise.all(
      data.posts.map((post) => snapshots.getAll(IDBKeyRange.bound([post.key, -Infinity], [post.key, Infinity]))),
    );
    data.posts.forEach((post, i) => {
      const existing = stored[i];
      const merged = existing ? mergePosts(existing, post) : post;
      writes.push(posts.put(completeFromHistory(merged, histories[i]!)));
    });
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    abortQuietly(tx, writes);
    throw error;
  }
  return { posts: data.posts.length, snapshots: data.snapshots.length };
}
