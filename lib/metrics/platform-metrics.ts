/**
 * The counts each site shows on its posts, so the popup and the dashboard offer only figures that
 * can exist there: YouTube has no reposts, Reddit and Bluesky show no views. A site's public
 * engagements ({@link ENGAGEMENT_PARTS}) are what it shows besides views; views are shown on X
 * (since 2022), TikTok, YouTube, Instagram (Reels and videos) and LinkedIn (impressions).
 */
import type { Metric, PlatformId } from '../model';
import { ENGAGEMENT_PARTS } from './rates';
import { POST_RATIOS } from './ratios';

const SHOWS_VIEWS: ReadonlySet<PlatformId> = new Set(['x', 'tiktok', 'youtube', 'instagram', 'linkedin']);

export function platformShows(platform: PlatformId, metric: Metric): boolean {
  return metric === 'views' ? SHOWS_VIEWS.has(platform) : ENGAGEMENT_PARTS[platform].includes(metric);
}

/** `metrics` without those the site never shows. */
export function shownMetrics<M extends Metric>(platform: PlatformId, metrics: readonly M[]): M[] {
  return metrics.filter((metric) => platformShows(platform, metric));
}

/** The ratios whose two counts the site shows (no reposts per like on YouTube). */
export function shownRatios(platform: PlatformId): (typeof POST_RATIOS)[number][] {
  return POST_RATIOS.filter((r) => platformShows(platform, r.numerator) && platformShows(platform, r.denominator));
}
