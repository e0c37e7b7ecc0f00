/**
 * The YouTube Shorts player (`/shorts/<id>`, desktop). YouTube keeps several reels in the DOM at
 * once (`ytd-reel-video-renderer`, each with its overlay of channel, title and action bar): the
 * one on screen, the ones the user swiped past, and neighbours preloaded ahead of the swipe. Only
 * the active one is read, and only once it has settled:
 *
 * - Active: the reel carrying `is-active`. Every other reel is skipped (not a candidate either).
 *   Where no reel carries it, only a reel whose own markup names the Short in the address is read;
 *   several reels that cannot be told apart are reported, so reading pauses rather than guesses.
 * - Keyed by the address (`/shorts/<id>`, which YouTube changes on every swipe). The reel's own
 *   markup is checked against it where it names a video — the reel's `video-id`, its slot's poster
 *   (`i.ytimg.com/vi/<id>/…`, the readiness test Return YouTube Dislike uses), the title link of
 *   the player playing in it: a disagreement means the swipe has not settled (the address or the
 *   active reel has not caught up yet), and the reel is read again once both agree.
 * - Never keyed by a link in the overlay: its "multi-format link" goes to another Short (in the
 *   2026 capture, /shorts/_EiPOq9t95Q under the title of fMcqCGw7rfo).
 *
 * Counts: likes from the like button's label ("like this video along with 909 thousand other
 * people": a rounded number in words, so a range, like the visible "909K"), comments from the first
 * plain button of the action bar ("View 1,338 comments", exact). The player shows no views.
 * Overlays YouTube moves out of the reels (`extract-overlay`) stand for the active Short.
 */
import { textSnippet, type Counts } from '../model';
import { attr, firstMatch, hasDigit, textOf } from './dom';
import { authorOf, firstCount, isVideoId, readLikes, shortsIdOf, videoOf } from './youtube-common';
import { SKIP, type PostDraft, type ReadContext } from './types';

const REEL = 'ytd-reel-video-renderer';
const OVERLAY = 'ytd-reel-player-overlay-renderer';
/** Both stand for their Short: a reel sees `is-active` and the player arrive, its overlay the counts change. */
export const SHORTS_UNIT = `${REEL}, ${OVERLAY}`;

const selectors = {
  activeReel: `${REEL}[is-active]`,
  /** 2023+ view-model action bar (the 2026 capture), then the 2022 `#like-button` renderer. */
  likeControl: ['reel-action-bar-view-model like-button-view-model', '#like-button'],
  /** The visible number sits beside the button, in its label (2023+), or in `#text` (2022). */
  likeText: ['label > div', '#text'],
  /** Comments: the first button of the bar that is neither like nor dislike (2023+), `#comments-button` (2022). */
  comments: ['reel-action-bar-view-model > button-view-model:first-of-type', '#comments-button'],
  commentsButton: 'button[aria-label]',
  commentsText: ['label > div', '#text'],
  author: ['yt-reel-channel-bar-view-model a[href]', 'ytd-channel-name a[href]'],
  title: ['yt-shorts-video-title-view-model', 'ytd-reel-player-header-renderer h2'],
  /** A video's poster: an inline background from i.ytimg.com/vi/<id>/ (or /vi_webp/). */
  poster: '[style*="/vi/"], [style*="/vi_webp/"]',
  /** The title link of the YouTube player, whichever video it plays now. */
  playerLink: 'a.ytp-title-link[href]',
} as const;

/** Hide selectors: the numbers beside the like and comments buttons; the buttons keep their boxes. */
export const SHORTS_HIDE = {
  likes: ['reel-action-bar-view-model like-button-view-model label > div'],
  replies: ['reel-action-bar-view-model > button-view-model:first-of-type label > div'],
};

const POSTER_ID = /\/vi(?:_webp)?\/([A-Za-z0-9_-]{11})\//;

/** The videos a reel's own markup names (none where it carries no such hook). */
function ownIds(reel: Element, ctx: ReadContext): Set<string> {
  const ids = new Set<string>();
  const attrId = attr(reel, 'video-id');
  if (isVideoId(attrId)) ids.add(attrId);
  // The poster is in the reel's slot, beside it: used only where the slot holds this reel alone.
  const slot = reel.parentElement;
  const scope = slot && slot.querySelectorAll(REEL).length === 1 ? slot : reel;
  for (const poster of scope.querySelectorAll(selectors.poster)) {
    if (poster.closest(OVERLAY)) continue;
    const id = POSTER_ID.exec(attr(poster, 'style') ?? '')?.[1];
    if (id) ids.add(id);
  }
  const playing = videoOf(attr(reel.querySelector(selectors.playerLink), 'href'), ctx.url);
  if (playing) ids.add(playing.id);
  return ids;
}

/**
 * Whether this overlay is the settled active Short's: SKIP for neighbours and unsettled swipes,
 * null (reported) where the reels cannot be told apart, true to read it.
 */
function isActiveShort(overlay: Element, id: string, ctx: ReadContext): true | null | typeof SKIP {
  const reel = overlay.closest(REEL);
  if (!reel) return true;
  const own = ownIds(reel, ctx);
  if ([...own].some((other) => other !== id)) return SKIP;
  if (reel.hasAttribute('is-active')) return true;
  const doc = reel.ownerDocument;
  if (doc.querySelector(selectors.activeReel)) return SKIP;
  if (own.size > 0 || doc.querySelectorAll(REEL).length === 1) return true;
  ctx.problem({ field: 'id', selector: selectors.activeReel });
  return null;
}

/** The comment count beside the comments button: its label's number, else its text's; none when off. */
function readComments(overlay: Element, ctx: ReadContext) {
  const control = firstMatch(overlay, selectors.comments);
  if (!control) return null;
  const label = attr(control.querySelector(selectors.commentsButton), 'aria-label');
  if (hasDigit(label)) return firstCount(label!, 'replies', selectors.commentsButton, ctx);
  const visible = textOf(firstMatch(control, selectors.commentsText));
  // "Comments" without a number: turned off, or none yet; either way not a count.
  return hasDigit(visible) ? firstCount(visible, 'replies', selectors.commentsText.join(' | '), ctx) : null;
}

export function readShort(unit: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  // The reel is read through its overlay (its player part has no counts).
  const overlay = unit.matches(OVERLAY) ? unit : unit.querySelector(OVERLAY);
  // Outside /shorts/ nothing says which reel this is; a reel without an overlay is still loading.
  const id = shortsIdOf(ctx.url.pathname);
  if (!id || !overlay) return SKIP;
  const active = isActiveShort(overlay, id, ctx);
  if (active !== true) return active;

  const control = firstMatch(overlay, selectors.likeControl);
  if (!control) {
    // Not stamped yet (an empty overlay); with a title or channel shown, the layout is not known.
    if (!textOf(overlay)) return SKIP;
    ctx.problem({ field: 'likes', selector: selectors.likeControl.join(' | ') });
    return null;
  }
  const counts: Counts = {};
  const likes = readLikes(control, selectors.likeText, ctx);
  if (likes) counts.likes = likes;
  const replies = readComments(overlay, ctx);
  if (replies) counts.replies = replies;

  const draft: PostDraft = { platform: 'youtube', postId: id, url: `https://www.youtube.com/shorts/${id}`, counts };
  const author = authorOf(firstMatch(overlay, selectors.author), ctx.url);
  if (author) draft.author = author;
  const text = textSnippet(textOf(firstMatch(overlay, selectors.title)));
  if (text) draft.text = text;
  return draft;
}
