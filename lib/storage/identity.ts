/**
 * Whether a reading can be of the post a record holds. A post is keyed by the site's own id; what a
 * different author on a known id means depends on the site:
 *
 * - Where an account can change the name its posts show (X, Instagram, Threads and TikTok handles,
 *   Bluesky handles, YouTube channel names and handles, Facebook and LinkedIn display names), the id
 *   still names the same post: the author was renamed, and the record takes the new name.
 * - Where it cannot (Reddit usernames are permanent; a Mastodon post's key is its address, which
 *   holds its account), another author means the reading is not of this post.
 * - Anywhere, another author *and* another text (neither a beginning of the other) cannot be one
 *   post: a rename does not rewrite the text.
 *
 * A reading that cannot be of the post is refused whole, so two posts' data are never mixed in one
 * record. Handles are compared without case (X, Reddit, Bluesky and Mastodon ignore it).
 */
import type { PlatformId, PostReading } from '../model';
import type { PostRecord } from './schema';

/** Whether an account on the platform can change the author name its existing posts show. */
export const AUTHOR_CAN_CHANGE: Record<PlatformId, boolean> = {
  x: true,
  instagram: true,
  tiktok: true,
  youtube: true,
  facebook: true,
  linkedin: true,
  reddit: false,
  bluesky: true,
  threads: true,
  mastodon: false,
};

const folded = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/(?:…|\.\.\.)$/, '')
    .trim()
    .toLowerCase();

/** Two texts of one post: equal, or one cut short (a feed's "Show more", a snippet's length). */
export function sameText(a: string, b: string): boolean {
  const x = folded(a);
  const y = folded(b);
  return x.startsWith(y) || y.startsWith(x);
}

export function sameIdentity(
  record: Pick<PostRecord, 'platform' | 'author' | 'text'>,
  reading: Pick<PostReading, 'author' | 'text'>,
): boolean {
  if (record.author === undefined || reading.author === undefined) return true;
  if (record.author.toLowerCase() === reading.author.toLowerCase()) return true;
  if (!AUTHOR_CAN_CHANGE[record.platform]) return false;
  return record.text === undefined || reading.text === undefined || sameText(record.text, reading.text);
}
