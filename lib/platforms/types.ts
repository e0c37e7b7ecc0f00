import type { Metric, PlatformId, PostReading } from '../model';
import type { Rounding } from '../numbers/parse-count';

/**
 * What the hide switches act on. Quotes are hidden with reposts; follower/following counts and
 * notification counts (the unread badges in a site's navigation, the "(3)" before a tab's title)
 * are not post metrics but are part of "less pressure".
 */
export const HIDE_METRICS = [
  'likes',
  'reposts',
  'replies',
  'views',
  'bookmarks',
  'followers',
  'notifications',
] as const;
export type HideMetric = (typeof HIDE_METRICS)[number];

export type HideSelectors = Partial<Record<HideMetric, readonly string[]>>;

/** What `readPost` returns for an element it skips on purpose: not a post, and not a failure. */
export const SKIP = 'skip';

/** A post as an adapter reads it; the reader stamps `readAt`. */
export type PostDraft = Omit<PostReading, 'readAt'>;

/** Something an adapter expected on a post and could not read: kept as a local diagnostic. */
export interface ReadProblem {
  /** What was being read: a metric, or 'id' / 'author' / 'time'. */
  field: Metric | 'id' | 'author' | 'time';
  /** The selector (or selector list) that was tried. */
  selector: string;
  /** The text found there, if any. */
  raw?: string;
}

/** Everything `readPost` may depend on besides the element, so that reading stays pure. */
export interface ReadEnv {
  /** The page address (Mastodon needs the instance host; relative links resolve against it). */
  url: URL;
  /** The page's UI language from `<html lang>`, which decides how numbers are printed. */
  locale: string;
  /** "Now" for sites that print relative times. */
  now: number;
}

export interface ReadContext extends ReadEnv {
  problem(problem: ReadProblem): void;
}

/** What one pass over a subtree found: the readings, and how well reading went. */
export interface ScanResult {
  readings: PostDraft[];
  /** The element each reading came from (same order as `readings`). */
  sources: Element[];
  /** Post-like elements found, whether or not they could be read; elements skipped by design are not. */
  candidates: number;
  problems: ReadProblem[];
}

/**
 * One way to recognize a site's posts without the adapter's selectors: elements that stand for one
 * post each (a permalink around the post's time, a stable attribute or role), so that a broken
 * post selector is noticed instead of leaving the page silent (lib/reader/drift.ts). Recognizers
 * mark the kinds of post the adapter reads, not every link to a post (grids, search results,
 * sidebars), so pages it leaves alone by design are not judged.
 */
export interface PostRecognizer {
  /** What it looks for, in words for the diagnostic ("permalinks /status/<id> around a time"). */
  name: string;
  /** Elements that mark a post. */
  selector: string;
  /**
   * The post's identity: the first capture group of this pattern on `attribute` (default `href`),
   * so a post marked twice (two links to it) counts once; elements it does not match are not
   * counted. Without it every element is one post.
   */
  id?: RegExp;
  attribute?: string;
  /** Marks inside these are not counted (areas the adapter leaves alone by design: comments, players). */
  ignoreInside?: string;
}

export interface AdapterDefinition {
  id: PlatformId;
  /** Display name ("X", "Bluesky"). */
  name: string;
  /** Host names the popup recognises as this platform. */
  hosts: readonly string[];
  /** Match patterns for the content script and host permissions. */
  matches: readonly string[];
  /** Example addresses; the registry test checks they match this adapter and no other. */
  testUrls: readonly string[];
  /** Root element of one post: what "post-like element" means when judging whether reading works. */
  postSelector: string;
  /** How posts are recognized when `postSelector` finds nothing (drift detection, lib/reader/drift.ts). */
  recognize?: readonly PostRecognizer[];
  /** Attributes whose changes can change a count (watched by the single page observer). */
  watchAttributes: readonly string[];
  /** How the site rounds compact numbers, which decides the interval of "12K". */
  rounding: Rounding;
  /**
   * Reads one post element. Returns null for a post it could not read (no id where one was
   * expected), reporting what it missed to `ctx.problem`; returns {@link SKIP} for an element that
   * matches the post selector but is left alone by design (a page the site keeps hidden in the DOM,
   * an ad unit, a placeholder), which is then not counted as a candidate when judging whether
   * reading still works.
   */
  readPost(post: Element, ctx: ReadContext): PostDraft | null | typeof SKIP;
  /**
   * A cheap summary of everything `readPost` depends on (a permalink and an action bar's label),
   * or null where it cannot be told cheaply. A post whose summary is one the reader has read
   * before costs one lookup instead of a read: on X, whose virtual list unmounts and remounts the
   * same cells as the user scrolls, most "new" posts in a frame are ones already read.
   */
  quickPrint?(post: Element): string | null;
  /** Elements to make invisible per metric (`visibility: hidden`: keeps their box, so nothing moves). */
  hide: HideSelectors;
  /** Elements to take out of the flow per metric (`display: none`): separators and stand-alone labels. */
  collapse?: HideSelectors;
  /**
   * Counts that live inside open shadow roots, out of reach of page stylesheets (new Reddit's
   * `shreddit-post`): `hosts` selects the shadow hosts, `hide` the counts inside each host's root
   * (made invisible through inherited custom properties; see lib/hide/css.ts).
   */
  shadowHide?: { hosts: string; hide: HideSelectors };
  /**
   * The site's own "you did this" state on a post's controls (X's `unlike`, a pressed vote), for
   * "Hide until I act" (lib/hide/acted.ts). Matched inside the post and its shadow roots.
   */
  acted?: readonly string[];
  /**
   * Where the in-feed badge goes (lib/overlay): appended, out of flow, to the first element inside
   * the post matching one of these, so it sits right after that element's last line of text (the
   * post's text or its byline, away from the action buttons). The post element when none matches.
   */
  overlayAnchor?: readonly string[];
  /**
   * Posts matching this get no in-feed badge: surfaces with no place where a badge covers nothing
   * (YouTube's Shorts player, whose video is covered by its own controls). They are still read,
   * stored and listed in the popup.
   */
  overlaySkip?: string;
}

export interface PlatformAdapter extends AdapterDefinition {
  /** Every post in `root` (which may itself be a post), read. Pure: no side effects. */
  read(root: ParentNode, env?: Partial<ReadEnv>): PostReading[];
  /** Like `read`, but also reports candidates and problems; `readAt` is left to the caller. */
  scan(root: ParentNode, env?: Partial<ReadEnv>): ScanResult;
  /** `scan` for post elements the caller already found (the page reader's incremental path). */
  scanPosts(posts: readonly Element[], env: ReadEnv): ScanResult;
}
