/**
 * The v2 fields of a post record computed from its whole snapshot history: used when upgrading a
 * v1 store and after an import, where no reading-by-reading history is at hand.
 */
import { samplesFromPoints } from '../metrics/ages';
import type { PostRecord, SnapshotRecord } from './schema';
import { snapshotsToDrop } from './retention';

export type DerivedFields = Pick<PostRecord, 'ages' | 'last' | 'thin'>;

/** The age a post's retention buckets are counted from: its publication, else when first seen. */
export function retentionOrigin(post: Pick<PostRecord, 'postedAt' | 'firstSeenAt'>): number {
  return post.postedAt ?? post.firstSeenAt;
}

/** `ages`, `last` and `thin` for a post from its snapshots (any order). */
export function deriveFromSnapshots(
  post: Pick<PostRecord, 'postedAt' | 'firstSeenAt'>,
  snapshots: readonly Pick<SnapshotRecord, 'at' | 'counts'>[],
): DerivedFields {
  const points = [...snapshots].sort((a, b) => a.at - b.at).map(({ at, counts }) => ({ at, counts }));
  const derived: DerivedFields = {};
  if (post.postedAt !== undefined) {
    const ages = samplesFromPoints(points, post.postedAt);
    if (Object.keys(ages).length > 0) derived.ages = ages;
  }
  const newest = points[points.length - 1];
  if (newest) derived.last = newest;
  if (snapshotsToDrop(points, retentionOrigin(post)).length > 0) derived.thin = 1;
  return derived;
}

/** A record with its derived fields replaced (absent ones removed, so no stale flag survives). */
export function withDerived(post: PostRecord, derived: DerivedFields): PostRecord {
  const { ages: _ages, last: _last, thin: _thin, ...rest } = post;
  return { ...rest, ...derived };
}
