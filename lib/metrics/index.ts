/**
 * Feedlens's metrics: pure functions (no DOM, no storage, no clock unless passed in) shared by the
 * popup, the dashboard and the in-feed overlay. Definitions, methods and sources:
 * ../shared/research/metrics.md.
 *
 * How the overlay uses it, for one post on the page (its stored record from the background):
 *
 * ```ts
 * const rates = postRates(record.latest, record.platform);           // engagement rate, likes/views, …
 * formatRatio(rates.engagementRate);                                  // "2.1%", "1.9–2.3%" or "—"
 * if (rates.engagementRate?.lowSample) …                              // grey it: under 20 views
 * rateFormula('amplification', record.platform, record.includes);     // "reposts (incl. quotes) ÷ likes"
 * const usual = compareWithUsual(record, authorPostsNewestFirst, Date.now());
 * usual && formatUsual(usual);                                         // "1.8× usual" (at 6 h, 34 posts)
 * ```
 *
 * `authorPostsNewestFirst` comes from `newestPostsOfAuthor(db, platform, author, AUTHOR_WINDOW)` in
 * lib/storage/queries.ts (three IndexedDB requests, whatever the store's size). The counts at fixed
 * ages are already on the record (`record.ages`, kept at every reading), so nothing here needs the
 * snapshots; a sparkline does (`snapshotsOf`), and only for the post whose card is open.
 *
 * Rules every function keeps: a rounded input gives an interval (`min`/`max`), an unknown or hidden
 * input gives null (never 0), and a rate from a small denominator says so (`lowSample`).
 */
export { AGES, AGE_IDS, ageMs, latestSampledAge, sampleAtAge, samplesFromPoints, updateSamples } from './ages';
export type { AgeId, AgeSample, AgeSamples, CountPoint } from './ages';
export { ENGAGEMENT_PARTS, MIN_SAMPLE, RATE_IDS, RATE_INFO, engagements, postRates, rate, rateFormula } from './rates';
export type { PostRates, Rate, RateId } from './rates';
export { growthSeries, velocity, velocityBetweenAges, velocitySincePosting } from './growth';
export type { GrowthPoint, Velocity } from './growth';
export {
  BASELINE_POSTS,
  MIN_BASELINE_POSTS,
  MIN_PEER_POSTS,
  baselineOf,
  median,
  overperformance,
  percentileRank,
  quantile,
  trimmedMean,
} from './baseline';
export type { Baseline, Overperformance, Percentile } from './baseline';
export {
  AUTHOR_WINDOW,
  MEASURE_LABELS,
  authorBaseline,
  compareWithPeers,
  compareWithUsual,
  engagementByAuthor,
  measureAtAge,
  measureOf,
  rankPosts,
} from './compare';
export type { ComparablePost, Measure, PeerComparison, RankedPost, UsualComparison } from './compare';
export { POST_RATIOS, pooledRatio, postRatios, ratio, sumCounts, totals } from './ratios';
export type { Ratio } from './ratios';
