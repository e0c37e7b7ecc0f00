/**
 * Counts at fixed ages (1 h, 6 h, 24 h, 7 d after posting), so posts can be compared like for like
 * (CrowdTangle compares at equal ages too). A value exists only when Feedlens saw the post around
 * that age: between two observations on either side of it (interpolated linearly), or from one
 * observation close to it. Never extrapolated: a post first seen at 3 days has no 1 h value.
 *
 * Pure: no DOM, no storage. The store keeps the best sample per age on each post record, updated
 * at every reading (lib/storage/ingest.ts), so comparisons never scan snapshots.
 */
import { boundsOf, hasValue, type Count, type Counts, type Metric } from '../model';

const HOUR = 3600_000;

/** Their names in the UI language: ageLabel (lib/metrics/format.ts). */
export const AGES = [
  { id: '1h', ms: HOUR },
  { id: '6h', ms: 6 * HOUR },
  { id: '24h', ms: 24 * HOUR },
  { id: '7d', ms: 7 * 24 * HOUR },
] as const;
export type AgeId = (typeof AGES)[number]['id'];
export const AGE_IDS: readonly AgeId[] = AGES.map((age) => age.id);

export function ageMs(age: AgeId): number {
  return AGES.find((a) => a.id === age)!.ms;
}

export function isAgeId(value: unknown): value is AgeId {
  return (AGE_IDS as readonly unknown[]).includes(value);
}

/** The counts of a post at one moment (a snapshot, or a reading). */
export interface CountPoint {
  at: number;
  counts: Counts;
}

/**
 * A post's counts at one fixed age. `off` is how far (ms) from that exact age the observations
 * it rests on were: 0 when observed exactly then; a smaller `off` is a better sample.
 */
export interface AgeSample {
  counts: Counts;
  off: number;
}
export type AgeSamples = Partial<Record<AgeId, AgeSample>>;

/**
 * How far from the target age two observations may be to interpolate between them: half the age
 * (30 min around 1 h, 3.5 days around 7 d). Farther apart, the straight line says too little.
 */
export const BRACKET_TOLERANCE = 1 / 2;
/** How far from the target age one observation may be to stand for it on its own: a fifth of the age. */
export const NEAR_TOLERANCE = 1 / 5;

/** A count between two observations of it, `f` of the way from `a` to `b` (0 ≤ f ≤ 1). */
export function interpolateCount(a: Count | undefined, b: Count | undefined, f: number): Count | undefined {
  if (!hasValue(a) || !hasValue(b)) return undefined;
  if (f <= 0) return a;
  if (f >= 1) return b;
  const lerp = (x: number, y: number) => x + (y - x) * f;
  if (a.precision === 'exact' && b.precision === 'exact' && a.value === b.value) return a;
  const ab = boundsOf(a)!;
  const bb = boundsOf(b)!;
  // Between two readings the count is an estimate (it moved somewhere in between), whatever their precision.
  return {
    precision: 'estimated',
    value: lerp(a.value, b.value),
    min: lerp(ab.min, bb.min),
    max: lerp(ab.max, bb.max),
  };
}

/** Only the counts that carry a number (hidden ones say nothing at an age). */
function knownCounts(counts: Counts): Counts {
  const known: Counts = {};
  for (const [metric, count] of Object.entries(counts) as [Metric, Count][]) if (hasValue(count)) known[metric] = count;
  return known;
}

/** The sample at `target` interpolated between two observations on either side of it, if close enough. */
export function sampleBetween(before: CountPoint, after: CountPoint, target: number, age: number): AgeSample | null {
  if (!(before.at <= target && target <= after.at)) return null;
  const reach = age * BRACKET_TOLERANCE;
  if (target - before.at > reach || after.at - target > reach) return null;
  const f = after.at === before.at ? 1 : (target - before.at) / (after.at - before.at);
  const counts: Counts = {};
  for (const metric of Object.keys(after.counts) as Metric[]) {
    const count = interpolateCount(before.counts[metric], after.counts[metric], f);
    if (count) counts[metric] = count;
  }
  if (Object.keys(counts).length === 0) return null;
  // A side exactly at the target is an observation, not an estimate (f is 0 or 1 only then).
  const off = f === 0 || f === 1 ? 0 : Math.max(target - before.at, after.at - target);
  return { counts, off };
}

/** One observation standing for the target age when it is close enough to it. */
export function sampleNear(point: CountPoint, target: number, age: number): AgeSample | null {
  const off = Math.abs(point.at - target);
  if (off > age * NEAR_TOLERANCE) return null;
  const counts = knownCounts(point.counts);
  return Object.keys(counts).length ? { counts, off } : null;
}

function better(a: AgeSample | null | undefined, b: AgeSample | null | undefined): AgeSample | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return b.off < a.off ? b : a;
}

/** The best sample at `age` from a post's observations (oldest first), or null if none was near it. */
export function sampleAtAge(points: readonly CountPoint[], postedAt: number, age: AgeId): AgeSample | null {
  const ms = ageMs(age);
  const target = postedAt + ms;
  let after = points.findIndex((p) => p.at >= target);
  if (after === -1) after = points.length;
  const before = after - 1;
  let best: AgeSample | null = null;
  if (before >= 0 && after < points.length) best = sampleBetween(points[before]!, points[after]!, target, ms);
  if (before >= 0) best = better(best, sampleNear(points[before]!, target, ms));
  if (after < points.length) best = better(best, sampleNear(points[after]!, target, ms));
  return best;
}

/** Samples at every fixed age (from a full history: the schema upgrade and imports). */
export function samplesFromPoints(points: readonly CountPoint[], postedAt: number): AgeSamples {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const samples: AgeSamples = {};
  for (const age of AGE_IDS) {
    const sample = sampleAtAge(sorted, postedAt, age);
    if (sample) samples[age] = sample;
  }
  return samples;
}

/**
 * The samples after one more observation (`next`), given the one seen before it (`previous`, the
 * post's latest reading, which may be newer when readings arrive out of order). A sample is
 * replaced only by a better one. Returns the same object when nothing changed.
 */
export function updateSamples(
  samples: AgeSamples | undefined,
  previous: CountPoint | undefined,
  next: CountPoint,
  postedAt: number,
): AgeSamples | undefined {
  let result = samples;
  for (const { id, ms } of AGES) {
    const target = postedAt + ms;
    const near = sampleNear(next, target, ms);
    let between: AgeSample | null = null;
    if (previous) {
      const [a, b] = previous.at <= next.at ? [previous, next] : [next, previous];
      between = sampleBetween(a, b, target, ms);
    }
    // At equal distance, observations on both sides of the age beat one on one side (as sampleAtAge).
    const candidate = between && (!near || between.off <= near.off) ? between : near;
    const stored = result?.[id];
    if (!candidate || (stored && (candidate.off > stored.off || (candidate.off === stored.off && candidate === near))))
      continue;
    result = { ...result, [id]: candidate };
  }
  return result;
}

/** Merges samples from several sources (stored, imported, derived): the better sample wins per age. */
export function mergeSamples(...sources: (AgeSamples | undefined)[]): AgeSamples | undefined {
  let merged: AgeSamples | undefined;
  for (const source of sources) {
    if (!source) continue;
    for (const id of AGE_IDS) {
      const best = better(merged?.[id], source[id]);
      if (best) merged = { ...merged, [id]: best };
    }
  }
  return merged;
}

/** The oldest fixed age a post of this age has reached and has a sample for (what to compare it at). */
export function latestSampledAge(samples: AgeSamples | undefined, postAgeMs: number): AgeId | null {
  for (let i = AGES.length - 1; i >= 0; i--) {
    const age = AGES[i]!;
    if (samples?.[age.id] && postAgeMs >= age.ms * (1 - NEAR_TOLERANCE)) return age.id;
  }
  return null;
}
