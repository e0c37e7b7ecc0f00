/**
 * Post-level comparisons built from stored post records (their latest counts and their samples at
 * fixed ages): against the author's usual, against peers, and the popup's ranking. Pure: callers
 * fetch the records (lib/storage/queries.ts) and pass them in.
 */
import type { Counts, PlatformId } from '../model';
import { latestSampledAge, type AgeId, type AgeSamples } from './ages';
import {
  baselineOf,
  median,
  overperformance,
  percentileInSorted,
  type Baseline,
  type Overperformance,
  type Percentile,
} from './baseline';
import { engagements, rate } from './rates';

/**
 * How many of an author's newest posts to fetch for a baseline: CrowdTangle's 100, with some room
 * for posts that have no value at the age compared (Feedlens did not see them then). Kept small:
 * the popup reads this many records per author on the page before its first paint.
 */
export const AUTHOR_WINDOW = 150;

/** What comparisons need of a post (a stored PostRecord has all of it). */
export interface ComparablePost {
  key: string;
  platform: PlatformId;
  author?: string;
  postedAt?: number;
  promoted?: boolean;
  latest: Counts;
  ages?: AgeSamples;
}

/**
 * What is compared: public interactions (CrowdTangle's measure: the platform's engagement counts
 * summed), likes alone, or engagement rate by views (only where views are public).
 */
export type Measure = 'interactions' | 'likes' | 'engagementRate';

/** In the order the dashboard offers them; their names in the UI language: lib/ui/labels.ts. */
export const MEASURES: readonly Measure[] = ['interactions', 'likes', 'engagementRate'];

/**
 * A measure of some counts as a plain number (the count's best value), or null when it cannot be
 * had. Engagement rates from a low sample (under 20 views) are left out of comparisons.
 */
export function measureOf(counts: Counts | undefined, platform: PlatformId, measure: Measure): number | null {
  if (!counts) return null;
  if (measure === 'engagementRate') {
    const r = rate(engagements(counts, platform), counts.views);
    return r && !r.lowSample ? r.value : null;
  }
  const count = measure === 'likes' ? counts.likes : engagements(counts, platform);
  return count && 'value' in count ? count.value : null;
}

/** The measure of a post at a fixed age, from its stored sample. */
export function measureAtAge(post: ComparablePost, age: AgeId, measure: Measure): number | null {
  return measureOf(post.ages?.[age]?.counts, post.platform, measure);
}

/**
 * The author's baseline for `post` at `age`: their posts published before it (newest first, as
 * given), not promoted, that have a value at that age.
 */
export function authorBaseline(
  post: ComparablePost,
  authorPostsNewestFirst: readonly ComparablePost[],
  age: AgeId,
  measure: Measure = 'interactions',
): Baseline | null {
  const values: number[] = [];
  for (const other of authorPostsNewestFirst) {
    if (other.key === post.key || other.promoted || other.author !== post.author) continue;
    if (post.postedAt !== undefined && (other.postedAt === undefined || other.postedAt >= post.postedAt)) continue;
    const value = measureAtAge(other, age, measure);
    if (value !== null) values.push(value);
  }
  return baselineOf(values);
}

export interface UsualComparison extends Overperformance {
  age: AgeId;
}

/**
 * How a post is doing against its author's usual, at the oldest fixed age it has reached and was
 * seen around; null when it has no such age yet or the author has too few comparable posts.
 */
export function compareWithUsual(
  post: ComparablePost,
  authorPostsNewestFirst: readonly ComparablePost[],
  now: number,
): UsualComparison | null {
  if (post.postedAt === undefined || !post.author) return null;
  const age = latestSampledAge(post.ages, now - post.postedAt);
  if (!age) return null;
  const baseline = authorBaseline(post, authorPostsNewestFirst, age);
  const actual = engagements(post.ages![age]!.counts, post.platform);
  const result = overperformance(actual, baseline);
  return result ? { ...result, age } : null;
}

export interface RankedPost<P extends ComparablePost> {
  post: P;
  usual: UsualComparison | null;
  /** Current engagement rate by views (null where views are not public). */
  engagementRate: number | null;
  /** Which figure placed it: vs the author's usual, by engagement rate, or neither (page order). */
  rankedBy: 'usual' | 'engagementRate' | 'none';
}

/**
 * The popup's order: posts with a comparison against their author's usual first (best first), then
 * posts with an engagement rate (highest first), then the rest in page order. Stable.
 */
export function rankPosts<P extends ComparablePost>(
  posts: readonly P[],
  usualOf: (post: P) => UsualComparison | null,
): RankedPost<P>[] {
  const ranked: RankedPost<P>[] = posts.map((post) => {
    const usual = usualOf(post);
    const engagementRate = measureOf(post.latest, post.platform, 'engagementRate');
    const rankedBy: RankedPost<P>['rankedBy'] = usual ? 'usual' : engagementRate !== null ? 'engagementRate' : 'none';
    return { post, usual, engagementRate, rankedBy };
  });
  const group = { usual: 0, engagementRate: 1, none: 2 } as const;
  // Array.prototype.sort is stable (ES2019), so ties keep page order without a tie-breaker.
  return ranked.sort((a, b) => {
    if (a.rankedBy !== b.rankedBy) return group[a.rankedBy] - group[b.rankedBy];
    if (a.rankedBy === 'usual') return b.usual!.score - a.usual!.score;
    if (a.rankedBy === 'engagementRate') return b.engagementRate! - a.engagementRate!;
    return 0;
  });
}

export interface PeerComparison<P extends ComparablePost> {
  post: P;
  value: number;
  /** Peers' median at the same age, or null with no peer values. */
  peersMedian: number | null;
  /** value ÷ peers' median. */
  vsMedian: number | null;
  percentile: Percentile | null;
}

/** Each of my posts against the peer posts' values at the same age. */
export function compareWithPeers<P extends ComparablePost>(
  mine: readonly P[],
  peers: readonly ComparablePost[],
  age: AgeId,
  measure: Measure,
): { rows: PeerComparison<P>[]; peerValues: number[] } {
  const peerValues = peers
    .filter((p) => !p.promoted)
    .map((p) => measureAtAge(p, age, measure))
    .filter((v): v is number => v !== null);
  const peersMedian = median(peerValues);
  const ascending = [...peerValues].sort((a, b) => a - b);
  const rows: PeerComparison<P>[] = [];
  for (const post of mine) {
    const value = measureAtAge(post, age, measure);
    if (value === null) continue;
    rows.push({
      post,
      value,
      peersMedian,
      vsMedian: peersMedian ? value / peersMedian : null,
      percentile: percentileInSorted(value, ascending),
    });
  }
  return { rows, peerValues };
}

export interface AuthorDistribution {
  author: string;
  /** Engagement rates of the author's posts, ascending. */
  values: number[];
  /** Posts left out because their rate rests on too few views. */
  lowSample: number;
}

/**
 * Engagement rate (latest counts) per author with at least `minPosts` rated posts, authors with
 * the most rated posts first.
 */
export function engagementByAuthor(posts: readonly ComparablePost[], minPosts = 1): AuthorDistribution[] {
  const byAuthor = new Map<string, AuthorDistribution>();
  for (const post of posts) {
    if (!post.author || post.promoted) continue;
    const r = rate(engagements(post.latest, post.platform), post.latest.views);
    if (!r) continue;
    let entry = byAuthor.get(post.author);
    if (!entry) byAuthor.set(post.author, (entry = { author: post.author, values: [], lowSample: 0 }));
    if (r.lowSample) entry.lowSample++;
    else entry.values.push(r.value);
  }
  const list = [...byAuthor.values()].filter((d) => d.values.length >= Math.max(1, minPosts));
  for (const d of list) d.values.sort((a, b) => a - b);
  return list.sort((a, b) => b.values.length - a.values.length || a.author.localeCompare(b.author));
}
