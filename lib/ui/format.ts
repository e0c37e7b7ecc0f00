/** How numbers, ranges and ages read in Feedlens's own pages (in the browser's language). */
import { hasValue, type Count } from '../model';
import type { Ratio } from '../metrics/ratios';

const compact = new Map<string, Intl.NumberFormat>();
function compactFormat(locale?: string): Intl.NumberFormat {
  const key = locale ?? '';
  let format = compact.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    compact.set(key, format);
  }
  return format;
}

// Formatters are cached: building an Intl.NumberFormat costs far more than using one, and the
// dashboard formats thousands of numbers on open.
const plain = new Map<string, Intl.NumberFormat>();
const percents = new Map<string, Intl.NumberFormat>();

/** "1,234" exact below 10,000, "12K" above; "≈12K" when the count itself is rounded; "—" when unknown. */
export function formatCount(count: Count | undefined, locale?: string): string {
  if (!count) return '—';
  if (count.precision === 'hidden') return 'hidden';
  if (!hasValue(count)) return '—';
  let format = plain.get(locale ?? '');
  if (!format) plain.set(locale ?? '', (format = new Intl.NumberFormat(locale)));
  const text = Math.abs(count.value) < 10000 ? format.format(count.value) : compactFormat(locale).format(count.value);
  return count.precision === 'exact' ? text : `≈${text}`;
}

function percent(value: number, digits: number, locale?: string): string {
  const key = `${locale ?? ''}|${digits}`;
  let format = percents.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
    });
    percents.set(key, format);
  }
  return format.format(value);
}

/** Significant digits that suit the size: 12%, 4.2%, 0.35%. */
function digitsFor(value: number): number {
  const pct = Math.abs(value) * 100;
  return pct >= 10 ? 0 : pct >= 1 ? 1 : 2;
}

/** "4.2%", or "3.9–4.6%" when an input was rounded; "—" for no ratio. */
export function formatRatio(ratio: Ratio | null, locale?: string): string {
  if (!ratio) return '—';
  if (ratio.exact || ratio.max - ratio.min < Math.abs(ratio.value) * 0.02)
    return percent(ratio.value, digitsFor(ratio.value), locale);
  if (!Number.isFinite(ratio.max)) return `≥${percent(ratio.min, digitsFor(ratio.min), locale)}`;
  const digits = digitsFor(ratio.min);
  return `${percent(ratio.min, digits, locale).replace(/\s?%$/, '')}–${percent(ratio.max, digits, locale)}`;
}

/** "3m", "5h", "2d", "Nov 3" — how old something is, compactly. */
export function formatAge(at: number | undefined, now: number, locale?: string): string {
  if (at === undefined) return '';
  const minutes = Math.max(0, Math.round((now - at) / 60000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours}h`;
  const days = Math.round(hours / 24);
  if (days < 14) return `${days}d`;
  return new Date(at).toLocaleDateString(locale, {
    month: 'short',
    day: 'numeric',
    year: days > 300 ? 'numeric' : undefined,
  });
}
