/** How comparisons read in Feedlens's pages ("1.8× usual", "top 12%"); counts and ratios: lib/ui/format.ts. */
import { AGES, type AgeId } from './ages';
import type { Overperformance, Percentile } from './baseline';
import type { Velocity } from './growth';

function times(value: number): string {
  return value >= 10 ? value.toFixed(0) : value >= 0.095 ? value.toFixed(1) : value.toFixed(2);
}

/** "1.8×", or "1.6–2.0×" when the count was rounded enough to matter. */
export function formatScore(score: Pick<Overperformance, 'score' | 'min' | 'max'>): string {
  const [lo, hi] = [times(score.min), times(score.max)];
  if (lo === hi || score.max - score.min < score.score * 0.05) return `${times(score.score)}×`;
  return `${lo}–${hi}×`;
}

/** "1.8× usual". */
export function formatUsual(score: Pick<Overperformance, 'score' | 'min' | 'max'>): string {
  return `${formatScore(score)} usual`;
}

export function ageLabel(age: AgeId): string {
  return AGES.find((a) => a.id === age)!.label;
}

/** "at 6 h, vs 34 posts". */
export function formatUsualBasis(age: AgeId, posts: number): string {
  return `at ${ageLabel(age)}, vs ${posts} of their posts`;
}

/** "higher than 88% of peers' posts". */
export function formatPercentile(p: Percentile): string {
  return `higher than ${Math.round(p.percentile)}% of ${p.posts} peer posts`;
}

/** "+12/h", "+3.5–4.0/h". */
export function formatVelocity(v: Velocity | null): string {
  if (!v) return '—';
  const fmt = (n: number) => (Math.abs(n) >= 10 ? n.toFixed(0) : n.toFixed(1));
  const sign = (n: number) => (n > 0 ? '+' : '');
  if (v.max - v.min <= Math.abs(v.value) * 0.05) return `${sign(v.value)}${fmt(v.value)}/h`;
  return `${sign(v.min)}${fmt(v.min)} to ${sign(v.max)}${fmt(v.max)}/h`;
}
