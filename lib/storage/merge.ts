/**
 * One post stored under two keys, made one again.
 *
 * Some sites show a post without its id: Facebook fills in a post's permalink only when the pointer
 * reaches its time link, and LinkedIn's 2026 feed may render a post before the element that holds
 * its id. Their adapters then key the post by a fingerprint (lib/platforms/fingerprint.ts), and once
 * the id appears, the reading under the real key names the fingerprint in `aliases`. Here, inside
 * the same transaction as that reading, the records under the aliases are folded into the real one:
 * their snapshots are re-keyed, the records merged (earliest first sighting, newest counts, ages
 * recomputed over the joined history) and the alias records deleted. A failure rolls all of it back
 * with the batch, so nothing is ever stored under neither key.
 */
import type { IDBPTransaction } from 'idb';
import type { AgeId, AgeSample } from '../metrics/ages';
import { postKey, type PostReading } from '../model';
import type { FeedlensDB, PostRecord, SnapshotRecord } from './db';
import { deriveFromSnapshots, withDerived } from './derive';

type Tx = IDBPTransaction<FeedlensDB, ['posts', 'snapshots'], 'readwrite'>;

/** The store keys a reading names as other keys of its post (never its own). */
export function aliasKeysOf(reading: PostReading): string[] {
  const own = postKey(reading);
  return (reading.aliases ?? [])
    .map((postId) => postKey({ platform: reading.platform, postId }))
    .filter((key) => key !== own);
}

/**
 * A batch's readings by the key they are stored under. A reading under a key that another reading
 * of the batch names as an alias (the post read by its fingerprint, then by its id, within one
 * batch) joins that reading's post, so the alias is not written again after it was merged away.
 */
export function groupByPost(readings: readonly PostReading[]): Map<string, PostReading[]> {
  const owners = new Map<string, PostReading>();
  for (const reading of readings) for (const key of aliasKeysOf(reading)) owners.set(key, reading);
  const groups = new Map<string, PostReading[]>();
  for (const reading of readings) {
    const owner = owners.get(postKey(reading));
    const placed = owner ? { ...reading, postId: owner.postId, url: owner.url } : reading;
    const key = postKey(placed);
    const list = groups.get(key);
    if (list) list.push(placed);
    else groups.set(key, [placed]);
  }
  return groups;
}

const historyOf = (key: string) => IDBKeyRange.bound([key, -Infinity], [key, Infinity]);

/**
 * Folds every record stored under the aliases of `readings` (one post's readings) into `record`,
 * the post's record under its own key (undefined when it has none yet). Returns the record to
 * apply the readings to, and the keys whose records were deleted.
 */
export async function mergeAliases(
  tx: Tx,
  readings: readonly PostReading[],
  record: PostRecord | undefined,
): Promise<{ record: PostRecord | undefined; removed: string[] }> {
  const newest = readings[readings.length - 1];
  const aliases = [...new Set(readings.flatMap(aliasKeysOf))];
  if (!newest || aliases.length === 0) return { record, removed: [] };
  const posts = tx.objectStore('posts');
  const snapshots = tx.objectStore('snapshots');
  const found = (await Promise.all(aliases.map((key) => posts.get(key)))).filter((r): r is PostRecord => !!r);
  if (found.length === 0) return { record, removed: [] };

  const key = postKey(newest);
  const [own, ...theirs] = await Promise.all([
    record ? snapshots.getAll(historyOf(key)) : Promise.resolve([] as SnapshotRecord[]),
    ...found.map((alias) => snapshots.getAll(historyOf(alias.key))),
  ]);
  const taken = new Set(own!.map((s) => s.at));
  const moved: SnapshotRecord[] = [];
  const writes: Promise<unknown>[] = [];
  try {
    for (const snapshot of theirs.flat()) {
      writes.push(snapshots.delete([snapshot.post, snapshot.at]));
      // Two snapshots at the same instant: the real key's own is kept.
      if (taken.has(snapshot.at)) continue;
      taken.add(snapshot.at);
      const rekeyed = { post: key, at: snapshot.at, counts: snapshot.counts };
      moved.push(rekeyed);
      writes.push(snapshots.put(rekeyed));
    }
    for (const alias of found) writes.push(posts.delete(alias.key));
    await Promise.all(writes);
  } catch (error) {
    // The batch's transaction is aborted by the caller; these requests then fail with AbortError.
    void Promise.allSettled(writes);
    throw error;
  }

  const merged = combine(
    { key, postId: newest.postId, url: record?.url ?? newest.url },
    record ? [record, ...found] : found,
    [...own!, ...moved],
  );
  return { record: merged, removed: found.map((alias) => alias.key) };
}

/**
 * One record from several records of a post: older facts are overridden by newer ones, counts metric
 * by metric; the first sighting is the earliest, the last the latest; ages, the newest point and the
 * thinning flag are recomputed over the joined snapshots (the fingerprint record may have lacked the
 * post time that the real one has, so its history only now counts at fixed ages).
 */
export function combine(
  identity: Pick<PostRecord, 'key' | 'postId' | 'url'>,
  records: readonly PostRecord[],
  history: readonly SnapshotRecord[],
): PostRecord {
  const byAge = [...records].sort((a, b) => a.lastSeenAt - b.lastSeenAt);
  let merged = { ...byAge[0]! };
  for (const next of byAge.slice(1)) {
    merged = {
      ...merged,
      ...next,
      latest: { ...merged.latest, ...next.latest },
      author: next.author ?? merged.author,
      text: next.text ?? merged.text,
      postedAt: next.postedAt ?? merged.postedAt,
      includes: next.includes ?? merged.includes,
      promoted: next.promoted || merged.promoted,
      firstSeenAt: Math.min(merged.firstSeenAt, next.firstSeenAt),
      lastSnapshotAt: Math.max(merged.lastSnapshotAt, next.lastSnapshotAt),
    };
  }
  for (const field of ['author', 'text', 'postedAt', 'includes', 'promoted'] as const)
    if (merged[field] === undefined || merged[field] === false) delete merged[field];
  merged = { ...merged, ...identity };
  const derived = deriveFromSnapshots(merged, history);
  // Samples a record took from readings that made no snapshot stay, where they are closer to the age.
  for (const record of records) {
    if (record.postedAt !== merged.postedAt || !record.ages) continue;
    for (const [age, sample] of Object.entries(record.ages) as [AgeId, AgeSample][]) {
      const current = derived.ages?.[age];
      if (!current || sample.off < current.off) derived.ages = { ...derived.ages, [age]: sample };
    }
  }
  // A reading newer than the newest snapshot (one that changed nothing) is the better neighbour.
  const lasts = [derived.last, ...records.map((r) => r.last)].filter((p) => p !== undefined);
  const last = lasts.sort((a, b) => b.at - a.at)[0];
  return withDerived(merged, { ...derived, ...(last ? { last } : {}) });
}
