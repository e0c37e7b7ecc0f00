/**
 * Which snapshots to keep as a post ages, so a year of scrolling stays small: every 5 minutes
 * while the post is young (its first day), hourly to 7 days, daily after that (the buckets
 * metrics.md §5 recommends). Buckets are counted from the post's publication (or, when that is
 * unknown, from when Feedlens first saw it), so the decision for a snapshot never changes once its
 * bucket is over, and thinning twice changes nothing.
 *
 * In each bucket the newest snapshot is kept (the counts at the end of that period), plus, for any
 * metric it lacks, the newest one that has it: thinning never loses a metric from a period. The
 * post's first snapshot is always kept. Pure: lib/storage/prune.ts applies it to the store, and the
 * samples at fixed ages are kept on the post record, so nothing the comparisons need is lost.
 *
 * For a post seen every 10 minutes for a year, with counts changing each time: 288 five-minute
 * buckets exist on day one but only 144 are filled, then 144 hourly and 358 daily snapshots:
 * 646 kept of 52,560.
 */
import type { Metric } from '../model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RetentionTier {
  /** The tier covers post ages below this (ms). */
  untilAge: number;
  /** One snapshot (per metric) is kept per bucket of this width. */
  bucket: number;
}

export const RETENTION_TIERS: readonly RetentionTier[] = [
  { untilAge: DAY, bucket: 5 * MINUTE },
  { untilAge: 7 * DAY, bucket: HOUR },
  { untilAge: Infinity, bucket: DAY },
];

/** The bucket a snapshot taken at `at` falls in, for a post whose age is counted from `origin`. */
export function retentionBucket(at: number, origin: number, tiers: readonly RetentionTier[] = RETENTION_TIERS): string {
  const age = Math.max(0, at - origin);
  let start = 0;
  for (const [index, tier] of tiers.entries()) {
    if (age < tier.untilAge) return `${index}:${Math.floor((age - start) / tier.bucket)}`;
    start = tier.untilAge;
  }
  return `${tiers.length}:0`;
}

export interface RetainedSnapshot {
  at: number;
  counts: Partial<Record<Metric, unknown>>;
}

/** The times of the snapshots to delete (input: one post's snapshots, in any order). */
export function snapshotsToDrop(
  snapshots: readonly RetainedSnapshot[],
  origin: number,
  tiers: readonly RetentionTier[] = RETENTION_TIERS,
): number[] {
  if (snapshots.length < 2) return [];
  const ordered = [...snapshots].sort((a, b) => a.at - b.at);
  const keep = new Set<number>([ordered[0]!.at]);
  const buckets = new Map<string, RetainedSnapshot[]>();
  for (const snapshot of ordered) {
    const key = retentionBucket(snapshot.at, origin, tiers);
    const list = buckets.get(key);
    if (list) list.push(snapshot);
    else buckets.set(key, [snapshot]);
  }
  for (const list of buckets.values()) {
    const covered = new Set<string>();
    // Newest first: the newest snapshot stays, older ones only for metrics not covered yet.
    for (let i = list.length - 1; i >= 0; i--) {
      const snapshot = list[i]!;
      const metrics = Object.keys(snapshot.counts);
      if (i === list.length - 1 || metrics.some((m) => !covered.has(m))) {
        keep.add(snapshot.at);
        for (const m of metrics) covered.add(m);
      }
    }
  }
  return ordered.filter((s) => !keep.has(s.at)).map((s) => s.at);
}

/**
 * Whether a new snapshot at `at` makes thinning worthwhile for its post: it shares a bucket with
 * the previous one, or arrives out of order. Cheap enough to ask at every write.
 */
export function needsThinning(previousAt: number | undefined, at: number, origin: number): boolean {
  if (previousAt === undefined) return false;
  return at <= previousAt || retentionBucket(previousAt, origin) === retentionBucket(at, origin);
}
