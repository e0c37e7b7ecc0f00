import { plural } from './i18n';

const NOUNS = {
  post: 'prefs.count.posts',
  snapshot: 'prefs.count.snapshots',
} as const;

/** "1 post", "12,400 posts" / "12.400 Beiträge": a count with its noun, for the messages about a user's data. */
export function counted(count: number, noun: keyof typeof NOUNS): string {
  return plural(NOUNS[noun], count);
}
