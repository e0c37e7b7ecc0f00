/**
 * Published engagement-rate benchmarks, shown on the dashboard as context only, each with its
 * method and source (each entry names the report and the public summary its figures were taken
 * from). They use different methods (by followers, by impressions) from each other and from
 * Feedlens's rate by public views: never compare across methods, and the dashboard says so. How
 * much the method matters: for the same industry, Rival IQ's median by followers and Hootsuite's
 * per-post average give 0.26% and 3.80% (apaya.com, "social-media-benchmarks").
 */
import type { PlatformId } from '../model';
import { formatRatio } from '../ui/format';
import { t, type MessageKey } from '../ui/i18n';

export interface PublishedBenchmark {
  /** The report's name, as it calls itself (also the row's identity). */
  source: string;
  data: MessageKey;
  method: MessageKey;
  /** The site whose public summary the figures were taken from. */
  via: string;
  rates: Partial<Record<PlatformId, number>>;
}

export const PUBLISHED_BENCHMARKS: readonly PublishedBenchmark[] = [
  {
    source: 'Rival IQ 2023',
    data: 'dash.benchmarks.rivalIqData',
    method: 'dash.benchmarks.rivalIqMethod',
    via: 'wishu.io',
    rates: { tiktok: 0.0569, instagram: 0.0047, facebook: 0.0006, x: 0.00035 },
  },
  {
    source: 'Socialinsider 2026',
    data: 'dash.benchmarks.socialinsiderData',
    method: 'dash.benchmarks.socialinsiderMethod',
    via: 'shortsintel.com',
    rates: { tiktok: 0.037, instagram: 0.0048, facebook: 0.0015, x: 0.0012, linkedin: 0.0385 },
  },
  {
    source: 'Buffer 2025',
    data: 'dash.benchmarks.bufferData',
    method: 'dash.benchmarks.bufferMethod',
    via: 'shortsintel.com',
    rates: { tiktok: 0.0486, instagram: 0.0116, facebook: 0.0507, x: 0.0231, linkedin: 0.065, youtube: 0.0441 },
  },
];

const exactly = (value: number) => formatRatio({ value, min: value, max: value, exact: true });

/** The caveat the dashboard shows with them (apaya.com; metrics.md §4), in the UI language. */
export function benchmarkCaveat(): string {
  return t('dash.benchmarks.caveat', { low: exactly(0.0026), high: exactly(0.038) });
}
