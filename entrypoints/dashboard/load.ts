/**
 * What the dashboard reads, for one platform and date range. Every read is bounded and indexed
 * (lib/storage/queries.ts): the newest {@link SAMPLE} posts of the platform, up to {@link OWN_LIMIT}
 * posts per own account and {@link PEER_LIMIT} per chosen peer. So the dashboard opens as fast with
 * a year of data (100,000 posts) as with a week of it; the page says when a sample was cut.
 */
import type { PlatformId } from '@/lib/model';
import { PLATFORM_IDS } from '@/lib/model';
import { normalizeHandle, type Settings } from '@/lib/settings/settings';
import type { FeedlensDatabase, PostRecord } from '@/lib/storage/db';
import { lastSeenByPlatform, newestPostsOfAuthor, newestPostsOnPlatform, type TimeRange } from '@/lib/storage/queries';

/** Newest posts of the platform read for the tables, the distribution and "everyone" as peers. */
export const SAMPLE = 1000;
export const OWN_LIMIT = 200;
export const PEER_LIMIT = 200;

export interface DashboardQuery {
  platform: PlatformId;
  /** An author filter ('' = everyone). */
  author: string;
  range: TimeRange;
}

export interface DashboardData {
  /** Posts matching the filters, newest first. */
  posts: PostRecord[];
  /** `posts` stopped at its limit: older matching posts exist. */
  postsCut: boolean;
  mine: PostRecord[];
  peers: PostRecord[];
  /** Peers are the accounts the user chose (else everyone else seen on the platform). */
  peersChosen: boolean;
}

/** Where each platform was last read, and which to show first: one with own accounts, else the latest read. */
export async function choosePlatform(
  db: FeedlensDatabase,
  settings: Settings,
): Promise<{ seen: Partial<Record<PlatformId, number>>; platform: PlatformId | null }> {
  const seen = await lastSeenByPlatform(db, PLATFORM_IDS);
  const withData = PLATFORM_IDS.filter((p) => seen[p] !== undefined);
  const own = withData.find((p) => settings.accounts[p].length > 0);
  const latest = [...withData].sort((a, b) => seen[b]! - seen[a]!)[0];
  return { seen, platform: own ?? latest ?? null };
}

/** Whether a stored author is one of these handles ("Ada" is "ada"; Mastodon's "ada" is "ada@server"). */
export function matchesHandle(author: string | undefined, handles: readonly string[]): boolean {
  if (!author) return false;
  const handle = normalizeHandle(author);
  return handles.some((h) => h === handle || handle.startsWith(`${h}@`));
}

/**
 * The stored spellings of these handles: settings keep them lower-case, sites keep their own case
 * ("NASA"), and the author index is exact, so spellings seen in the sample are looked up too.
 */
export function spellings(handles: readonly string[], seen: readonly PostRecord[]): string[] {
  const found = new Set(handles);
  for (const post of seen) if (post.author && matchesHandle(post.author, handles)) found.add(post.author);
  return [...found];
}

async function postsOf(db: FeedlensDatabase, q: DashboardQuery, authors: readonly string[], limit: number) {
  const lists = await Promise.all(authors.map((a) => newestPostsOfAuthor(db, q.platform, a, limit, q.range)));
  return lists.flat();
}

const newestFirst = (a: PostRecord, b: PostRecord) => (b.postedAt ?? 0) - (a.postedAt ?? 0);

export async function loadDashboard(
  db: FeedlensDatabase,
  settings: Settings,
  q: DashboardQuery,
): Promise<DashboardData> {
  const own = settings.accounts[q.platform];
  const chosenPeers = settings.peers[q.platform];
  // Everything at once: the handles as saved (lower-case) are looked up alongside the sample, and
  // only spellings the sample reveals ("Ada") cost a second round.
  const [sample, filtered, ownAsSaved, peersAsSaved] = await Promise.all([
    newestPostsOnPlatform(db, q.platform, SAMPLE, q.range),
    q.author ? newestPostsOfAuthor(db, q.platform, q.author, SAMPLE, q.range) : null,
    postsOf(db, q, own, OWN_LIMIT),
    postsOf(db, q, chosenPeers, PEER_LIMIT),
  ]);
  const more = (handles: string[]) => spellings(handles, sample).filter((h) => !handles.includes(h));
  const [ownMore, peersMore] = await Promise.all([
    postsOf(db, q, more(own), OWN_LIMIT),
    postsOf(db, q, more(chosenPeers), PEER_LIMIT),
  ]);
  const mine = [...ownAsSaved, ...ownMore].sort(newestFirst);
  const peers = chosenPeers.length
    ? [...peersAsSaved, ...peersMore].sort(newestFirst)
    : sample.filter((p) => !matchesHandle(p.author, own));
  const posts = filtered ?? sample;
  return { posts, postsCut: posts.length >= SAMPLE, mine, peers, peersChosen: chosenPeers.length > 0 };
}

/** A date field's value ("2026-11-22") as the start of that day, local time. */
export function dayStart(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** From/to date fields as a time range; the "to" day is included. */
export function rangeOf(from: string, to: string): TimeRange {
  const start = dayStart(from);
  const end = dayStart(to);
  const range: TimeRange = {};
  if (start !== undefined) range.from = start;
  if (end !== undefined) range.to = new Date(end).setDate(new Date(end).getDate() + 1);
  return range;
}
