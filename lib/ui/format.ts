/**
 * How numbers, ranges, ages and dates read in Feedlens's own pages: always through Intl, in the
 * language the browser shows Feedlens in (so "49.718" sits beside German words, never English ones),
 * and dates in the user's own time zone.
 */
import { hasValue, type Count } from '../model';
import type { Ratio } from '../metrics/ratios';
import { t, uiLocale } from './i18n';

const compact = new Map<string, Intl.NumberFormat>();
function compactFormat(locale: string): Intl.NumberFormat {
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
export function formatCount(count: Count | undefined, locale = uiLocale()): string {
  if (!count) return '—';
  if (count.precision === 'hidden') return t('format.hidden');
  if (!hasValue(count)) return '—';
  let format = plain.get(locale ?? '');
  if (!format) plain.set(locale ?? '', (format = new Intl.NumberFormat(locale)));
  const text = Math.abs(count.value) < 10000 ? format.format(count.value) : compactFormat(locale).format(count.value);
  return count.precision === 'exact' ? text : `≈${text}`;
}

function percent(value: number, digits: number, locale: string): string {
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
export function formatRatio(ratio: Ratio | null, locale = uiLocale()): string {
  if (!ratio) return '—';
  if (ratio.exact || ratio.max - ratio.min < Math.abs(ratio.value) * 0.02)
    return percent(ratio.value, digitsFor(ratio.value), locale);
  if (!Number.isFinite(ratio.max)) return `≥${percent(ratio.min, digitsFor(ratio.min), locale)}`;
  const digits = digitsFor(ratio.min);
  return `${percent(ratio.min, digits, locale).replace(/\s?%$/, '')}–${percent(ratio.max, digits, locale)}`;
}

/** "3m", "5h", "2d", "Nov 3" — how old something is, compactly. */
export function formatAge(at: number | undefined, now: number, locale = uiLocale()): string {
  if (at === undefined) return '';
  const minutes = Math.max(0, Math.round((now - at) / 60000));
  if (minutes < 60) return unit(minutes, 'minute', locale);
  const hours = Math.round(minutes / 60);
  if (hours < 48) return unit(hours, 'hour', locale);
  const days = Math.round(hours / 24);
  if (days < 14) return unit(days, 'day', locale);
  return new Date(at).toLocaleDateString(locale, {
    month: 'short',
    day: 'numeric',
    year: days > 300 ? 'numeric' : undefined,
  });
}

/** "5h" / "5 Std." / "5時間": Intl's narrow units, as each language abbreviates them. */
function unit(value: number, name: 'minute' | 'hour' | 'day', locale: string): string {
  return cached(
    `${locale}|${name}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }),
  ).format(value);
}

const formats = new Map<string, Intl.NumberFormat>();
function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) formats.set(key, (format = make()));
  return format;
}

/** A plain number in the UI language ("1,234" / "1.234"); `digits` fraction digits at most. */
export function formatNumber(value: number, digits = 0, locale = uiLocale()): string {
  return cached(`${locale}|n${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(
    value,
  );
}

/** Exactly `digits` fraction digits ("2.0" / "2,0"), for figures shown side by side. */
export function formatFixed(value: number, digits: number, locale = uiLocale()): string {
  return cached(
    `${locale}|f${digits}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(value);
}

/** "X, Bluesky and Reddit" with the language's own conjunction. */
export function formatList(items: readonly string[], locale = uiLocale()): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();
/** A moment in the user's own time zone and language: "3 Nov 2026, 14:05". */
export function formatDateTime(at: number, locale = uiLocale()): string {
  let format = dateTimes.get(locale);
  if (!format)
    dateTimes.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(at);
}

const dayAndTime = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = dayAndTime.get(`${locale}|${key}`);
  if (!format) dayAndTime.set(`${locale}|${key}`, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** A day in the user's time zone, short: "Nov 3" / "3. Nov." / "11月3日" (a chart's date ticks). */
export function formatDay(at: number, locale = uiLocale()): string {
  return dateFormat('day', locale, { month: 'short', day: 'numeric' }).format(at);
}

/** A time of day in the user's time zone: "2:05 PM" / "14:05" (a chart's hour ticks). */
export function formatTime(at: number, locale = uiLocale()): string {
  return dateFormat('time', locale, { hour: 'numeric', minute: '2-digit' }).format(at);
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** A time of day in the user's own time zone and language: "14:05" / "2:05 PM". */
export function formatClock(at: number, locale = uiLocale()): string {
  let format = clocks.get(locale);
  if (!format) clocks.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' })));
  return format.format(at);
}

/** "640 KB", "12.5 MB", "1.2 GB" with the language's own decimal sign and unit spelling. */
export function formatBytes(bytes: number, locale = uiLocale()): string {
  const [byteUnit, size] =
    bytes < 1024 ** 2
      ? (['kilobyte', Math.max(1, Math.round(bytes / 1024))] as const)
      : bytes < 1024 ** 3
        ? (['megabyte', bytes / 1024 ** 2] as const)
        : (['gigabyte', bytes / 1024 ** 3] as const);
  return cached(
    `${locale}|${byteUnit}`,
    () =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: byteUnit, unitDisplay: 'short', maximumFractionDigits: 1 }),
  ).format(size);
}

/** "12 MB" / "12 Mo": whole megabytes, for a file's size and how much of it was read. */
export function formatMegabytes(bytes: number, locale = uiLocale()): string {
  return cached(
    `${locale}|wholeMB`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }),
  ).format(bytes / 1024 ** 2);
}
