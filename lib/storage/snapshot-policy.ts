/**
 * When a reading becomes a snapshot. A snapshot is worth keeping when it says something new (the
 * post's first reading, a changed count, or a heartbeat after a quiet period), and no post may take
 * them faster than a rate limit: an animated counter or a hostile page that changes a count every
 * millisecond must not grow the store by thousands of rows a minute. Readings the limit holds back
 * still update the post's latest counts; the next reading past the limit is stored.
 *
 * The limit is a token bucket kept as one number per post (the "generic cell rate algorithm"): a
 * post may take `burst` snapshots at once, then one per `everyMs`. The bucket refills by reading
 * time, not wall time, so a resent reading finds it as it was and decides the same way.
 */
import type { Count, Counts, Metric } from '../model';
import type { PostRecord } from './schema';

export interface SnapshotPolicy {
  /** A reading this long after the last snapshot is stored even if nothing changed. */
  heartbeatMs: number;
  /** The sustained rate: at most one snapshot per post per this many ms. */
  everyMs: number;
  /** How many snapshots a post may take at once before the rate applies. */
  burst: number;
}

/**
 * Per post: ten snapshots at once (a page's first changes, a test's few), then one a minute. Over
 * any span of t minutes a post therefore has at most 10 + t snapshots (≤ 70 an hour, ≤ 1,450 a
 * day), before retention thins them to one per 5 minutes (lib/storage/retention.ts).
 */
export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = { heartbeatMs: 6 * 3600 * 1000, everyMs: 60_000, burst: 10 };

/**
 * What is stored of a count: no raw text, and nothing for `unknown` (a count we failed to read says
 * nothing about the post, and must not overwrite what we knew).
 */
export function storedCounts(counts: Counts): Counts {
  const stored: Counts = {};
  for (const [metric, count] of Object.entries(counts) as [Metric, Count][]) {
    switch (count.precision) {
      case 'unknown':
        break;
      case 'hidden':
        stored[metric] = { precision: 'hidden' };
        break;
      case 'exact':
        stored[metric] = { precision: 'exact', value: count.value };
        break;
      default:
        stored[metric] = { precision: count.precision, value: count.value, min: count.min, max: count.max };
    }
  }
  return stored;
}

function sameCount(a: Count | undefined, b: Count | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.precision !== b.precision) return false;
  if (!('value' in a) || !('value' in b)) return true;
  if (a.value !== b.value) return false;
  return a.precision === 'exact' || ('min' in b && a.min === b.min && a.max === b.max);
}

/** Whether any count in `next` differs from what `latest` says (counts `next` lacks are not changes). */
export function countsChanged(latest: Counts, next: Counts): boolean {
  return (Object.keys(next) as Metric[]).some((metric) => !sameCount(latest[metric], next[metric]));
}

type SnapshotState = Pick<PostRecord, 'latest' | 'lastSnapshotAt' | 'heldBack'>;

/**
 * Whether a reading has something a snapshot would keep: the first reading, any changed count, a
 * change the rate limit held back earlier, or a heartbeat after a quiet period.
 */
export function needsSnapshot(
  record: SnapshotState | undefined,
  counts: Counts,
  at: number,
  policy: SnapshotPolicy = DEFAULT_SNAPSHOT_POLICY,
): boolean {
  if (Object.keys(counts).length === 0) return false;
  if (!record) return true;
  return (
    countsChanged(record.latest, counts) || record.heldBack === 1 || at - record.lastSnapshotAt >= policy.heartbeatMs
  );
}

/** Whether the post's rate limit lets a snapshot in at `at` (`clock` absent: a full allowance). */
export function snapshotAllowed(clock: number | undefined, at: number, policy: SnapshotPolicy): boolean {
  return clock === undefined || clock - at <= (policy.burst - 1) * policy.everyMs;
}

/** The rate limit's clock after a snapshot at `at`. */
export function advanceClock(clock: number | undefined, at: number, policy: SnapshotPolicy): number {
  return Math.max(clock ?? at, at) + policy.everyMs;
}

/**
 * What a reading newer than everything the record knows does: `take` a snapshot, `hold` it back
 * (it has news the rate limit does not let in yet), or `none`.
 */
export function snapshotDecision(
  record: (SnapshotState & Pick<PostRecord, 'snapshotClock'>) | undefined,
  counts: Counts,
  at: number,
  policy: SnapshotPolicy = DEFAULT_SNAPSHOT_POLICY,
): 'take' | 'hold' | 'none' {
  if (!needsSnapshot(record, counts, at, policy)) return 'none';
  return snapshotAllowed(record?.snapshotClock, at, policy) ? 'take' : 'hold';
}
