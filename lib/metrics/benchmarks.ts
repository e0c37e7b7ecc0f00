/**
 * Published engagement-rate benchmarks, shown on the dashboard as context only, each with its
 * method and source (each entry names the report and the public summary its figures were taken
 * from). They use different methods (by followers, by impressions) from each other and from
 * Feedlens's rate by public views: never compare across methods, and the dashboard says so. How
 * much the method matters: for the same industry, Rival IQ's median by followers and Hootsuite's
 * per-post average give 0.26% and 3.80% (apaya.com, "social-media-benchmarks").
 */
import type { PlatformId } from '../model';

export interface PublishedBenchmark {
  source: string;
  data: string;
  method: string;
  via: string;
  rates: Partial<Record<PlatformId, number>>;
}

export const PUBLISHED_BENCHMARKS: readonly PublishedBenchmark[] = [
  {
    source: 'Rival IQ 2023 report',
    data: '2022 data, 14 industries × 150 brands',
    method: 'Median engagement rate by followers',
    via: 'wishu.io summary',
    rates: { tiktok: 0.0569, instagram: 0.0047, facebook: 0.0006, x: 0.00035 },
  },
  {
    source: 'Socialinsider 2026',
    data: '70M posts, 2024–2025',
    method: 'Not stated in the summary used (Socialinsider publishes rates by followers, and for TikTok by views)',
    via: 'shortsintel.com summary',
    rates: { tiktok: 0.037, instagram: 0.0048, facebook: 0.0015, x: 0.0012, linkedin: 0.0385 },
  },
  {
    source: 'Buffer 2025',
    data: 'Posts published through Buffer',
    method: 'Engagement rate by impressions',
    via: 'shortsintel.com summary',
    rates: { tiktok: 0.0486, instagram: 0.0116, facebook: 0.0507, x: 0.0231, linkedin: 0.065, youtube: 0.0441 },
  },
];

/** The caveat the dashboard shows with them (apaya.com; metrics.md §4). */
export const BENCHMARK_CAVEAT =
  'Methods differ: Rival IQ (median, by followers) and Hootsuite (per-post average) give 0.26% and 3.80% for the same industry. ' +
  'Feedlens’s rate is by public views, which is closest to the by-impressions method but lower, because impressions-based ' +
  'engagements also count clicks. Compare within one method only. The vendors who publish these sell tools.';
