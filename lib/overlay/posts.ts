/**
 * The overlay's register of posts: which element shows which post, and whether a reading is news.
 * Feeds recycle elements for other posts (X, TikTok) and some pages show one post twice (YouTube's
 * comments header repeats its video's key): one badge per post, on the element showing it.
 */
import type { PostDraft } from '../platforms/types';
import type { Badge } from './badge';

export interface Entry {
  key: string;
  reading: PostDraft;
  /** The counts as last drawn (figure.ts `countsPrint`): an unchanged post costs one comparison. */
  print: string;
  /** Within reach of the viewport: only then does the post get a badge and a stats question. */
  near: boolean;
  badge?: Badge;
}

/**
 * What a reading means for the overlay: `duplicate` (another element shows the post: `entry`, if
 * any, was this element's and must be dropped), `same` (nothing changed), `new` (first seen on this
 * element) or `changed` (its counts or its post changed).
 */
export type ReadOutcome = { kind: 'duplicate'; entry?: Entry } | { kind: 'same' | 'new' | 'changed'; entry: Entry };

export interface PostRegistry {
  read(element: Element, key: string, reading: PostDraft, print: string): ReadOutcome;
  get(element: Element): Entry | undefined;
  /** The element showing the post with `key`. */
  ownerOf(key: string): Element | undefined;
  forget(element: Element): void;
  entries(): IterableIterator<[Element, Entry]>;
  readonly size: number;
}

export function createPostRegistry(): PostRegistry {
  const entries = new Map<Element, Entry>();
  const owners = new Map<string, Element>();
  return {
    read(element, key, reading, print) {
      let entry = entries.get(element);
      if (entry && entry.key !== key && owners.get(entry.key) === element) owners.delete(entry.key);
      const owner = owners.get(key);
      if (owner && owner !== element && owner.isConnected && entries.get(owner)?.key === key)
        return { kind: 'duplicate', ...(entry ? { entry } : {}) };
      owners.set(key, element);
      if (!entry) {
        entries.set(element, (entry = { key, reading, print, near: false }));
        return { kind: 'new', entry };
      }
      if (entry.key === key && entry.print === print && entry.badge?.host.isConnected) return { kind: 'same', entry };
      Object.assign(entry, { key, reading, print });
      return { kind: 'changed', entry };
    },
    get: (element) => entries.get(element),
    ownerOf: (key) => owners.get(key),
    forget(element) {
      const entry = entries.get(element);
      if (!entry) return;
      entries.delete(element);
      if (owners.get(entry.key) === element) owners.delete(entry.key);
    },
    entries: () => entries.entries(),
    get size() {
      return entries.size;
    },
  };
}
