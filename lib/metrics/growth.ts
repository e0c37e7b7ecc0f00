/**
 * Growth velocity: how fast a count grows, per hour. Between consecutive snapshots (a post's
 * history), and between fixed ages (from the samples the store keeps, so no snapshots are needed).
 * Rounded counts give intervals; a count unknown at either end gives no value.
 */
import { boundsOf, hasValue, type Count, type Metric } from '../model';
import { ageMs, type AgeId, type AgeSamples, type CountPoint } from './ages';

const HOUR = 3600_000;

/** Observations closer together than this are merged: a per-hour rate over seconds is noise. */
export const MIN_VELOCITY_SPAN_MS = 5 * 60_000;

export interface Velocity {
  /** Per hour. */
  value: number;
  min: number;
  max: number;
  /** The span it was measured over (ms). */
  spanMs: number;
}

/** The change of a count per hour between two observations of it. */
export function velocity(from: Count | undefined, to: Count | undefined, spanMs: number): Velocity | null {
  if (!hasValue(from) || !hasValue(to) || spanMs <= 0) return null;
  const a = boundsOf(from)!;
  const b = boundsOf(to)!;
  const hours = spanMs / HOUR;
  return { value: (to.value - from.value) / hours, min: (b.min - a.max) / hours, max: (b.max - a.min) / hours, spanMs };
}

export interface GrowthPoint extends Velocity {
  /** The end of the span. */
  at: number;
}

/**
 * Velocity of one metric along a post's history (oldest first): one point per span of at least
 * {@link MIN_VELOCITY_SPAN_MS} between observations that both have the metric.
 */
export function growthSeries(points: readonly CountPoint[], metric: Metric = 'likes'): GrowthPoint[] {
  const series: GrowthPoint[] = [];
  let start: CountPoint | undefined;
  for (const point of points) {
    if (!hasValue(point.counts[metric])) continue;
    if (!start) {
      start = point;
      continue;
    }
    const span = point.at - start.at;
    if (span < MIN_VELOCITY_SPAN_MS) continue;
    // Both counts are known and the span is positive, so there is always a velocity.
    series.push({ ...velocity(start.counts[metric], point.counts[metric], span)!, at: point.at });
    start = point;
  }
  return series;
}

/** Velocity between two fixed ages (e.g. likes per hour from 1 h to 6 h), from stored samples. */
export function velocityBetweenAges(
  samples: AgeSamples | undefined,
  from: AgeId,
  to: AgeId,
  metric: Metric = 'likes',
): Velocity | null {
  const a = samples?.[from];
  const b = samples?.[to];
  if (!a || !b) return null;
  return velocity(a.counts[metric], b.counts[metric], ageMs(to) - ageMs(from));
}

/** Average velocity from posting to a fixed age (likes per hour over the first 6 h). */
export function velocitySincePosting(
  samples: AgeSamples | undefined,
  age: AgeId,
  metric: Metric = 'likes',
): Velocity | null {
  const sample = samples?.[age];
  if (!sample) return null;
  return velocity({ precision: 'exact', value: 0 }, sample.counts[metric], ageMs(age));
}
