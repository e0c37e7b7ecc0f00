/**
 * Reddit's 2018–2023 "redesign" (React), which new.reddit.com still serves to people who chose it
 * and which www.reddit.com served to everyone until shreddit replaced it in 2023: a post is
 * `div[data-testid="post-container"]` with the post's fullname as its `id` ("t3_awx46q"), in
 * feeds, on a post's own page and in the "more posts" beside it.
 *
 * Counts are visible text only: the score between the vote arrows ("83.1k", "39", "•" while
 * hidden) and "2.8k comments" in the comments link. Reddit's compact form is rounded, so "83.1k"
 * is a range. The post's time is only relative ("4 years ago") and is not read; fullnames carry
 * no time. Promoted posts link out with `rel="sponsored"`. Ad units reuse the container with a
 * tracking token as id ("t3_z=gAAAA…") and no votes: they are not posts.
 */
import { textSnippet, type Count } from '../model';
import { findCounts, parseCount } from '../numbers/parse-count';
import { countsSomethingElse } from '../numbers/other-quantities';
import { attr, firstMatch, hasBrokenNumber, hasDigit, pathOf, textOf } from './dom';
import type { PostDraft, ReadContext } from './types';

export const REDESIGN_POST = 'div[data-testid="post-container"][id^="t3_"]';

export const redesignSelectors = {
  permalink: ['a[data-click-id="comments"][href]', 'a[data-click-id="body"][href]'],
  /** The score: the vote column's text (its buttons hold icons only). */
  score: ['[id^="vote-arrows-"]', ':has(> [data-click-id="upvote"])'],
  comments: ['a[data-click-id="comments"]'],
  author: ['a[data-testid="post_author_link"]'],
  title: ['[data-adclicklocation="title"] h1', '[data-adclicklocation="title"] h3'],
  sponsored: 'a[rel~="sponsored"]',
  /** The vote column's score and the comment link's text, for hiding (both single text nodes). */
  hideScore: `${REDESIGN_POST} [id^="vote-arrows-"] > :not(button)`,
  hideComments: `${REDESIGN_POST} a[data-click-id="comments"] > span`,
} as const;

const HIDDEN_SCORE = '•';
const USER_PATH = /^\/(?:user|u)\/([^/]+)\/?$/;

function score(post: Element, ctx: ReadContext): Count | null {
  const selector = redesignSelectors.score.join(' | ');
  const text = textOf(firstMatch(post, redesignSelectors.score));
  if (text === HIDDEN_SCORE) return { precision: 'hidden', raw: text };
  // A column without a number ("Vote") shows no score: absent, never 0.
  if (!hasDigit(text)) {
    if (hasBrokenNumber(text)) ctx.problem({ field: 'likes', selector, raw: text });
    return null;
  }
  const count = parseCount(text, ctx.locale, { signed: true });
  if (count.precision === 'unknown') ctx.problem({ field: 'likes', selector, raw: text });
  return count.precision === 'unknown' ? null : count;
}

/** "2.8k comments": one number, and a label that says it counts comments rather than something else. */
function comments(post: Element, ctx: ReadContext): Count | null {
  const selector = redesignSelectors.comments.join(' | ');
  const text = textOf(firstMatch(post, redesignSelectors.comments));
  if (!hasDigit(text)) {
    if (hasBrokenNumber(text)) ctx.problem({ field: 'replies', selector, raw: text });
    return null;
  }
  const numbers = findCounts(text, ctx.locale);
  const count = numbers.length === 1 && !countsSomethingElse(text) ? numbers[0]! : null;
  if (!count || count.precision === 'unknown') {
    ctx.problem({ field: 'replies', selector, raw: text });
    return null;
  }
  return count;
}

/** Counts, author, title and promotion of a redesign post; its id and permalink are the caller's. */
export function readRedesign(post: Element, ctx: ReadContext, draft: PostDraft): void {
  const likes = score(post, ctx);
  if (likes) draft.counts.likes = likes;
  const replies = comments(post, ctx);
  if (replies) draft.counts.replies = replies;
  const author = USER_PATH.exec(pathOf(attr(firstMatch(post, redesignSelectors.author), 'href'), ctx.url) ?? '')?.[1];
  if (author) draft.author = decodeURIComponent(author);
  const text = textSnippet(textOf(firstMatch(post, redesignSelectors.title)));
  if (text) draft.text = text;
  if (post.querySelector(redesignSelectors.sponsored)) draft.promoted = true;
}
