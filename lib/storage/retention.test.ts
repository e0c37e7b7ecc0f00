import { describe, expect, it } from 'vitest';
import { exact } from '../model';
import { RETENTION_TIERS, needsThinning, retentionBucket, snapshotsToDrop } from './retention';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const snap = (age: number, counts: Record<string, unknown> = { likes: exact(1) }) => ({ at: T0 + age, counts });

describe('snapshot retention', () => {
  it('buckets by the post’s age: 5 minutes on day one, hourly to 7 days, daily after', () => {
    expect(retentionBucket(T0 + 4 * MIN, T0)).toBe(retentionBucket(T0 + 1 * MIN, T0));
    expect(retentionBucket(T0 + 6 * MIN, T0)).not.toBe(retentionBucket(T0 + 4 * MIN, T0));
    expect(retentionBucket(T0 + DAY + 10 * MIN, T0)).toBe(retentionBucket(T0 + DAY + 50 * MIN, T0));
    expect(retentionBucket(T0 + 8 * DAY + HOUR, T0)).toBe(retentionBucket(T0 + 8 * DAY + 20 * HOUR, T0));
    // Snapshots before the stated post time (clock skew) count as age 0.
    expect(retentionBucket(T0 - HOUR, T0)).toBe(retentionBucket(T0, T0));
    expect(RETENTION_TIERS.map((t) => t.bucket)).toEqual([5 * MIN, HOUR, DAY]);
  });

  it('keeps the newest snapshot of each bucket and the post’s first, and drops the rest', () => {
    const snapshots = [
      snap(0),
      snap(MIN),
      snap(2 * MIN),
      snap(DAY + MIN),
      snap(DAY + 30 * MIN),
      snap(10 * DAY),
      snap(10 * DAY + HOUR),
    ];
    expect(snapshotsToDrop(snapshots, T0)).toEqual([T0 + MIN, T0 + DAY + MIN, T0 + 10 * DAY]);
  });

  it('never loses a metric from a period: an older snapshot stays for a count the newest lacks', () => {
    const snapshots = [
      snap(2 * DAY, { likes: exact(1), views: exact(10) }),
      snap(2 * DAY + 10 * MIN, { likes: exact(2) }),
    ];
    expect(snapshotsToDrop(snapshots, T0 - DAY)).toEqual([]);
    const both = [...snapshots, snap(2 * DAY + 20 * MIN, { likes: exact(3), views: exact(30) })];
    expect(snapshotsToDrop(both, T0 - DAY)).toEqual([T0 + 2 * DAY + 10 * MIN]);
  });

  it('is stable: thinning twice drops nothing more', () => {
    const snapshots = Array.from({ length: 500 }, (_, i) => snap(i * 7 * MIN));
    const dropped = new Set(snapshotsToDrop(snapshots, T0));
    const kept = snapshots.filter((s) => !dropped.has(s.at));
    expect(snapshotsToDrop(kept, T0)).toEqual([]);
  });

  it('keeps a year of a post seen every 10 minutes small', () => {
    const year = Array.from({ length: 365 * 144 }, (_, i) => snap(i * 10 * MIN, { likes: exact(i) }));
    const kept = year.length - snapshotsToDrop(year, T0).length;
    expect(year.length).toBe(52_560);
    expect(kept).toBe(144 + 144 + 358);
  });

  it('asks for thinning only when a new snapshot shares a bucket with the previous one or is out of order', () => {
    expect(needsThinning(undefined, T0, T0)).toBe(false);
    expect(needsThinning(T0 + MIN, T0 + 2 * MIN, T0)).toBe(true);
    expect(needsThinning(T0 + MIN, T0 + 10 * MIN, T0)).toBe(false);
    expect(needsThinning(T0 + 10 * MIN, T0 + MIN, T0)).toBe(true);
  });

  it('decides the same whatever order the snapshots come in', () => {
    const snapshots = [snap(0), snap(MIN), snap(2 * MIN), snap(DAY + MIN), snap(DAY + 30 * MIN)];
    expect(snapshotsToDrop([...snapshots].reverse(), T0)).toEqual([T0 + MIN, T0 + DAY + MIN]);
  });

  it('keeps an older snapshot for a metric the newer ones of its bucket lack, after the first bucket too', () => {
    const snapshots = [
      snap(0),
      snap(DAY + MIN, { likes: exact(1), views: exact(10) }),
      snap(DAY + 10 * MIN, { likes: exact(2) }),
      snap(DAY + 20 * MIN, { likes: exact(3) }),
    ];
    expect(snapshotsToDrop(snapshots, T0)).toEqual([T0 + DAY + 10 * MIN]);
  });

  it('keeps the newest snapshot of a bucket even when it holds no count', () => {
    expect(snapshotsToDrop([snap(0), snap(MIN), snap(2 * MIN), snap(3 * MIN, {})], T0)).toEqual([T0 + MIN]);
  });

  it('has nothing to drop for a post without snapshots', () => {
    expect(snapshotsToDrop([], T0)).toEqual([]);
  });
});
