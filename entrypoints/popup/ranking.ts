/**
 * The popup's ranking: for each author on the page, their newest stored posts (fetched once per
 * popup session through the author index, three requests each), then the pure ranking from
 * lib/metrics. Authors already fetched are not fetched again while the popup stays open.
 */
import { AUTHOR_WINDOW, compareWithUsual, rankPosts, type RankedPost } from '@/lib/metrics/compare';
import type { FeedlensDatabase, PostRecord } from '@/lib/storage/db';
import { newestPostsOfAuthor } from '@/lib/storage/queries';

export type AuthorPosts = Map<string, PostRecord[]>;

const authorKey = (post: Pick<PostRecord, 'platform' | 'author'>) => `${post.platform}\n${post.author}`;

/** Fetches the history of every author on the page not in `cache` yet; returns the completed cache. */
export async function loadAuthorPosts(
  db: FeedlensDatabase,
  posts: readonly PostRecord[],
  cache: AuthorPosts,
): Promise<AuthorPosts> {
  const missing = new Map<string, PostRecord>();
  for (const post of posts) {
    if (post.author && post.postedAt !== undefined && !cache.has(authorKey(post))) missing.set(authorKey(post), post);
  }
  if (missing.size === 0) return cache;
  const next = new Map(cache);
  await Promise.all(
    [...missing].map(async ([key, post]) => {
      next.set(key, await newestPostsOfAuthor(db, post.platform, post.author!, AUTHOR_WINDOW));
    }),
  );
  return next;
}

export type PopupOrder = 'doing' | 'page';

/** The posts in the chosen order: how they are doing (the default), or as on the page. */
export function orderPosts(
  posts: readonly PostRecord[],
  authors: AuthorPosts,
  now: number,
  order: PopupOrder,
): RankedPost<PostRecord>[] {
  const ranked = rankPosts(posts, (post) => compareWithUsual(post, authors.get(authorKey(post)) ?? [], now));
  if (order === 'doing') return ranked;
  const byKey = new Map(ranked.map((r) => [r.post.key, r]));
  return posts.map((post) => byKey.get(post.key)!);
}
