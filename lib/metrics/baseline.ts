/**
 * Comparing a post with its author's usual and with peers, at the same age.
 *
 * Overperformance follows CrowdTangle (metrics.md §3): expected = the mean of the middle 50% of the
 * author's last 100 posts at the same age; score = actual ÷ expected ("1.8× usual"). Feedlens only
 * knows the posts it has seen, so a baseline needs at least {@link MIN_BASELINE_POSTS} of them, and
 * says how many it rests on. Percentiles rank a post among peers' posts at the same age.
 */
import { boundsOf, hasValue, type Count } from '../model';

/** CrowdTangle's window: the author's last 100 posts. */
export const BASELINE_POSTS = 100;
/** Fewer posts than this at an age, and there is no "usual" to compare with. */
export const MIN_BASELINE_POSTS = 10;
/** Expected values are clamped up to this (CrowdTangle clamps low benchmarks against a minimum). */
export const MIN_EXPECTED = 1;
/** A percentile among fewer peer posts than this is flagged as a low sample. */
export const MIN_PEER_POSTS = 20;

function sorted(values: readonly number[]): number[] {
  return values.filter(Number.isFinite).sort((a, b) => a - b);
}

/** The q-quantile (0…1) by linear interpolation between order statistics; null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  const s = sorted(values);
  if (s.length === 0) return null;
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** Mean of the middle 50%: the top and bottom quarter (rounded down) are dropped. */
export function trimmedMean(values: readonly number[]): number | null {
  const s = sorted(values);
  if (s.length === 0) return null;
  const cut = Math.floor(s.length / 4);
  const middle = s.slice(cut, s.length - cut);
  return middle.reduce((sum, v) => sum + v, 0) / middle.length;
}

export interface Baseline {
  /** The author's usual value at this age. */
  expected: number;
  /** How many posts it rests on. */
  posts: number;
}

/**
 * An author's baseline from their posts' values at one age, newest first (only the first
 * {@link BASELINE_POSTS} are used). Null with fewer than `minPosts`.
 */
export function baselineOf(valuesNewestFirst: readonly number[], minPosts = MIN_BASELINE_POSTS): Baseline | null {
  const window = valuesNewestFirst.filter(Number.isFinite).slice(0, BASELINE_POSTS);
  if (window.length < minPosts) return null;
  return { expected: trimmedMean(window)!, posts: window.length };
}

export interface Overperformance {
  /** actual ÷ expected: 1.8 reads "1.8× usual". */
  score: number;
  /** The score's interval when the actual count was rounded. */
  min: number;
  max: number;
  baseline: Baseline;
}

/** How a post's count at an age compares with its author's baseline at that age. */
export function overperformance(actual: Count | undefined, baseline: Baseline | null): Overperformance | null {
  if (!baseline || !hasValue(actual)) return null;
  const expected = Math.max(MIN_EXPECTED, baseline.expected);
  const bounds = boundsOf(actual)!;
  return { score: actual.value / expected, min: bounds.min / expected, max: bounds.max / expected, baseline };
}

export interface Percentile {
  /** 0–100: the share of peer posts below this one (ties count half). */
  percentile: number;
  posts: number;
  lowSample: boolean;
}

/** Where `value` ranks among `population` (peers' posts at the same age); null with no population. */
export function percentileRank(value: number, population: readonly number[]): Percentile | null {
  return percentileInSorted(value, sorted(population));
}

/** The first index in ascending `values` whose value is not below `value` (`strict`: above it). */
function lowerBound(values: readonly number[], value: number, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value || (strict && values[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** {@link percentileRank} against a population already sorted ascending (ranking many posts at once). */
export function percentileInSorted(value: number, ascending: readonly number[]): Percentile | null {
  if (!Number.isFinite(value) || ascending.length === 0) return null;
  const below = lowerBound(ascending, value, false);
  const equal = lowerBound(ascending, value, true) - below;
  return {
    percentile: ((below + equal / 2) / ascending.length) * 100,
    posts: ascending.length,
    lowSample: ascending.length < MIN_PEER_POSTS,
  };
}
