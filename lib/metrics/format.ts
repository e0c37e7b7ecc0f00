/**
 * How comparisons read in Feedlens's pages ("1.8× usual", "top 12%"), in the UI language with
 * its own digits; counts and ratios: lib/ui/format.ts.
 */
import { formatFixed } from '../ui/format';
import { plural, t, uiLocale, type MessageKey } from '../ui/i18n';
import type { AgeId } from './ages';
import type { Overperformance, Percentile } from './baseline';
import type { Velocity } from './growth';

const times = (value: number) => formatFixed(value, value >= 10 ? 0 : value >= 0.095 ? 1 : 2);

/** "1.8×", or "1.6–2.0×" when the count was rounded enough to matter. */
export function formatScore(score: Pick<Overperformance, 'score' | 'min' | 'max'>): string {
  const [lo, hi] = [times(score.min), times(score.max)];
  if (lo === hi || score.max - score.min < score.score * 0.05) return t('format.times', { value: times(score.score) });
  return t('format.times', { value: `${lo}–${hi}` });
}

/** "1.8× usual". */
export function formatUsual(score: Pick<Overperformance, 'score' | 'min' | 'max'>): string {
  return t('compare.usual', { score: formatScore(score) });
}

const AGE_LABELS: Record<AgeId, MessageKey> = {
  '1h': 'ages.1h',
  '6h': 'ages.6h',
  '24h': 'ages.24h',
  '7d': 'ages.7d',
};

/** "6 h" in the UI language. */
export function ageLabel(age: AgeId): string {
  return t(AGE_LABELS[age]);
}

/** "at 6 h, vs 34 of their posts". */
export function formatUsualBasis(age: AgeId, posts: number): string {
  return plural('compare.basis', posts, { age: ageLabel(age) });
}

/** "higher than 88% of 25 peer posts". */
export function formatPercentile(p: Percentile): string {
  const percent = new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 });
  return plural('compare.percentile', p.posts, { percent: percent.format(Math.round(p.percentile) / 100) });
}

/** "+12/h", "+3.5 to +4.0/h". */
export function formatVelocity(v: Velocity | null): string {
  if (!v) return '—';
  const fmt = (n: number) => (n > 0 ? '+' : '') + formatFixed(n, Math.abs(n) >= 10 ? 0 : 1);
  if (v.max - v.min <= Math.abs(v.value) * 0.05) return t('compare.perHour', { value: fmt(v.value) });
  return t('compare.perHourRange', { min: fmt(v.min), max: fmt(v.max) });
}
