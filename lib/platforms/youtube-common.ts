/**
 * What the YouTube readers (watch page, list cards, Shorts player) share: video ids from links and
 * addresses, permalinks, channel names, and reading a count the way YouTube prints it.
 */
import type { Count } from '../model';
import { aliasesForLocale, findCounts, type ParseOptions } from '../numbers/parse-count';
import { absoluteUrl, attr, firstMatch, hasDigit, pathOf, textOf } from './dom';
import type { ReadContext } from './types';

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const SHORTS_PATH = /^\/shorts\/([A-Za-z0-9_-]{11})(?:[/?#]|$)/;
const CHANNEL_PATH = /^\/(?:@([^/?#]+)|channel\/([^/?#]+)|c\/([^/?#]+)|user\/([^/?#]+))/;

export const isVideoId = (id: string | null | undefined): id is string => !!id && VIDEO_ID.test(id);

export interface VideoRef {
  id: string;
  shorts: boolean;
  /** The link also names a playlist or mix (`list=`): a card for it is not a video card. */
  list: boolean;
}

/** The video a `/watch?v=` or `/shorts/` link (or address) names. */
export function videoOf(href: string | null, base: URL): VideoRef | null {
  const url = absoluteUrl(href, base);
  if (!url) return null;
  if (url.pathname === '/watch') {
    const id = url.searchParams.get('v');
    return isVideoId(id) ? { id, shorts: false, list: url.searchParams.has('list') } : null;
  }
  const id = shortsIdOf(url.pathname);
  return id ? { id, shorts: true, list: false } : null;
}

/** The Short a `/shorts/<id>` path names. */
export const shortsIdOf = (path: string): string | null => SHORTS_PATH.exec(path)?.[1] ?? null;

export const permalink = (video: VideoRef) =>
  video.shorts ? `https://www.youtube.com/shorts/${video.id}` : `https://www.youtube.com/watch?v=${video.id}`;

/**
 * The channel a link goes to: its `/@handle` (without "@"), else the `/c/`, `/user/` name or
 * `/channel/` id (older pages have no handles). Links may be absolute (the 2026 Shorts channel bar).
 */
export function authorOf(link: Element | null, base: URL): string | undefined {
  const match = CHANNEL_PATH.exec(pathOf(attr(link, 'href'), base) ?? '');
  const name = match?.[1] ?? match?.[2] ?? match?.[3] ?? match?.[4];
  if (!name) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * How YouTube's numbers read: truncated ("1.9K" for 1,999), so ranges use rounding 'trunc'; with
 * the page language's unit aliases (German "Tsd.") that CLDR lacks.
 */
export function countOptions(ctx: ReadContext): ParseOptions {
  const aliases = aliasesForLocale(ctx.locale);
  return aliases ? { rounding: 'trunc', aliases } : { rounding: 'trunc' };
}

/** The first number in a text, read as YouTube prints it; an unreadable one is reported. */
export function firstCount(
  text: string,
  field: 'likes' | 'views' | 'replies',
  selector: string,
  ctx: ReadContext,
): Count | null {
  const [count] = findCounts(text, ctx.locale, countOptions(ctx));
  if (count && count.precision !== 'unknown') return count;
  ctx.problem({ field, selector, raw: text });
  return null;
}

/** The like button's accessible label: "like this video along with 13,802 other people" (localized). */
const LIKE_BUTTON = 'button[aria-label]';

/**
 * Likes from a like control (watch page or Shorts): its label's number, else the visible text's
 * (compact). The label's number may itself be compact in words ("909 thousand" on Shorts): the
 * parser reads that as a range. A rendered button with no number anywhere means the creator hid
 * the count (never 0: "No likes" alone cannot be told from hidden, NewPipeExtractor #1436).
 */
export function readLikes(control: Element, textSelectors: readonly string[], ctx: ReadContext): Count | null {
  const label = attr(control.querySelector(LIKE_BUTTON), 'aria-label');
  if (hasDigit(label)) return firstCount(label!, 'likes', LIKE_BUTTON, ctx);
  const visible = textOf(firstMatch(control, textSelectors) ?? control);
  if (hasDigit(visible)) return firstCount(visible, 'likes', textSelectors.join(' | '), ctx);
  // A button still being built has no label yet: that is not a hidden count.
  if (label === null) {
    ctx.problem({ field: 'likes', selector: LIKE_BUTTON });
    return null;
  }
  return { precision: 'hidden', raw: visible || label };
}
