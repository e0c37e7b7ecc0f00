/**
 * Ratios between counts. When an input is rounded ("12K") the ratio is an interval; when one is
 * unknown or hidden there is no ratio at all — never one computed from a made-up number.
 */
import { boundsOf, hasValue, type Count, type Counts, type KnownCount, type Metric } from '../model';

export interface Ratio {
  value: number;
  min: number;
  max: number;
  /** Both inputs were exact. */
  exact: boolean;
}

export function ratio(numerator: Count | undefined, denominator: Count | undefined): Ratio | null {
  if (!hasValue(numerator) || !hasValue(denominator) || denominator.value <= 0) return null;
  const n = boundsOf(numerator)!;
  const d = boundsOf(denominator)!;
  const exact = numerator.precision === 'exact' && denominator.precision === 'exact';
  return {
    value: numerator.value / denominator.value,
    // d.max ≥ value > 0 here, so the lower bound always has a positive divisor.
    min: n.min / d.max,
    // A denominator whose interval reaches down to 0 leaves the ratio without an upper bound.
    max: d.min > 0 ? n.max / d.min : Infinity,
    exact,
  };
}

/** The ratios the popup shows for a post. */
export const POST_RATIOS = [
  { id: 'likesPerView', label: 'Likes / views', numerator: 'likes', denominator: 'views' },
  { id: 'repostsPerLike', label: 'Reposts / likes', numerator: 'reposts', denominator: 'likes' },
  { id: 'repliesPerLike', label: 'Replies / likes', numerator: 'replies', denominator: 'likes' },
] as const satisfies readonly { id: string; label: string; numerator: Metric; denominator: Metric }[];

/**
 * The sum of one metric over posts, as a count: exact only if every part is exact; unknown parts
 * make the whole sum unknown (a total that silently skips posts would mislead).
 */
export function sumCounts(counts: readonly (Count | undefined)[]): Count | undefined {
  if (counts.length === 0) return undefined;
  let value = 0;
  let min = 0;
  let max = 0;
  let allExact = true;
  for (const count of counts) {
    if (!hasValue(count)) return undefined;
    const bounds = boundsOf(count)!;
    value += (count as KnownCount).value;
    min += bounds.min;
    max += bounds.max;
    if (count.precision !== 'exact') allExact = false;
  }
  return allExact ? { precision: 'exact', value } : { precision: 'rounded', value, min, max };
}

/** Totals over a set of posts, metric by metric, limited to posts where the metric is known. */
export function totals(
  posts: readonly Counts[],
  metrics: readonly Metric[],
): { counts: Counts; posts: Partial<Record<Metric, number>> } {
  const counts: Counts = {};
  const included: Partial<Record<Metric, number>> = {};
  for (const metric of metrics) {
    const known = posts.map((p) => p[metric]).filter(hasValue);
    const sum = sumCounts(known);
    if (sum) {
      counts[metric] = sum;
      included[metric] = known.length;
    }
  }
  return { counts, posts: included };
}

/** A ratio over many posts (sum of numerators / sum of denominators), over posts where both are known. */
export function pooledRatio(
  posts: readonly Counts[],
  numerator: Metric,
  denominator: Metric,
): { ratio: Ratio | null; posts: number } {
  const both = posts.filter((p) => hasValue(p[numerator]) && hasValue(p[denominator]));
  return {
    ratio: ratio(sumCounts(both.map((p) => p[numerator])), sumCounts(both.map((p) => p[denominator]))),
    posts: both.length,
  };
}
