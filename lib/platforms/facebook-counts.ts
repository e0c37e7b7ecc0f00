/**
 * Facebook's counts under a post, in its two footer layouts.
 *
 * - 2025–26 (the only layout 2026 pages show, in English and Portuguese): the number sits inside each
 *   action button, beside its `data-ad-rendering-role` hook (`like_button` → "9.1K" = all reactions,
 *   `comment_button` → comments, `share_button` → shares), exact, or rounded when compact ("1,2 mil").
 *   The reactions toolbar ("See who reacted to this") follows the buttons; its per-reaction labels
 *   ("Like: 8.1K people", "Love: 592 people") name only the top reaction types (a June 2026 feed post
 *   listed Like 8.1K and Love 592 beside a total of 9.1K), so their sum is a lower bound of the total,
 *   used to narrow it, never an exact value.
 * - older (2021–2024): a summary row above the action bar: the reactions toolbar, the total beside it
 *   (its last leaf: a hidden "All reactions:" label may precede it), then the comment and share counts
 *   in the action bar's order. One count beside both a comment and a share button is ambiguous without
 *   reading words, so it is left unknown.
 * "You and 12 others" counts the others: 13 `estimated` in [13, 14] (one or two people are named).
 * How Facebook rounds "1,2 mil" is not documented: half-up is assumed, so the range is [1 150, 1 250).
 * A number whose words say it is something else ("Seen by 45" on group posts, a video's "1.2M views")
 * is never taken for a comment or share count (lib/platforms/other-units.ts).
 */
import { boundsOf, countPlus, hasValue, type Count, type Counts } from '../model';
import { findCounts, parseCount } from '../numbers/parse-count';
import { hasDigit, ownFirstMatch, textOf } from './dom';
import { otherUnit } from './other-units';
import type { ReadContext } from './types';

export const countSelectors = {
  /** A feed unit or a post on its own page: what counts belong to. */
  unit: 'div[aria-posinset], div[role="article"]:not([aria-label])',
  /** What is not the post's own: comments (and any nested unit). */
  notOwn: '[role="article"]',
  buttons: {
    likes: '[data-ad-rendering-role="like_button"]',
    replies: '[data-ad-rendering-role="comment_button"]',
    reposts: '[data-ad-rendering-role="share_button"]',
  },
  toolbar: '[role="toolbar"]',
  reaction: '[role="button"][aria-label]',
} as const;

const BOUNDARY = `${countSelectors.unit}, ${countSelectors.notOwn}`;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

type Env = Pick<ReadContext, 'locale' | 'problem'>;
type Metric = 'likes' | 'replies' | 'reposts';

/**
 * A reactions total as printed: a bare number ("19", "1,2 mil") is the total; a sentence naming
 * people ("You and 12 others", "Você e outras 12 pessoas") counts the others, so one or two more.
 */
export function reactionTotal(text: string, locale: string): Count | null {
  const whole = parseCount(text, locale);
  if (whole.precision !== 'unknown') return whole;
  const numbers = findCounts(text, locale);
  if (numbers.length !== 1) return numbers.length ? { precision: 'unknown', raw: text } : null;
  const others = numbers[0]!;
  return hasValue(others) ? countPlus(others, 1, 2, text) : others;
}

/**
 * The toolbar's per-reaction labels ("Haha: 9 pessoas"), each with its count: the toolbar given, or
 * else the first in `scope`.
 */
export function reactionBreakdown(
  scope: ParentNode,
  locale: string,
  toolbar: Element | null = scope.querySelector(countSelectors.toolbar),
): { label: string; count: Count }[] {
  if (!toolbar) return [];
  return Array.from(toolbar.querySelectorAll(countSelectors.reaction), (el) => {
    const label = el.getAttribute('aria-label') ?? '';
    return { label, count: findCounts(label, locale)[0] ?? { precision: 'unknown', raw: label } };
  });
}

/**
 * The total, narrowed by the breakdown: the listed reaction types are part of all reactions, so the
 * sum of their lower bounds is a lower bound of the total. A rounded total stays rounded (its value
 * moved into the narrower range if needed); a breakdown that contradicts the total changes nothing.
 */
export function narrowByBreakdown(total: Count, breakdown: readonly { count: Count }[]): Count {
  const parts = breakdown.map((b) => boundsOf(b.count));
  if (total.precision === 'exact' || !('min' in total) || parts.length === 0 || parts.some((p) => !p)) return total;
  const floor = parts.reduce((sum, p) => sum + p!.min, 0);
  if (floor <= total.min || floor >= total.max) return total;
  return { ...total, min: floor, value: Math.max(total.value, floor) };
}

function lastLeaf(el: Element): Element {
  let leaf = el;
  while (leaf.lastElementChild) leaf = leaf.lastElementChild;
  return leaf;
}

function keep(counts: Counts, metric: Metric, count: Count | null, env: Env, at: string, text: string) {
  if (!count) return;
  const unit = otherUnit(text, metric);
  if (unit) env.problem({ field: metric, selector: `${at} (counts "${unit}")`, raw: text });
  else if (count.precision === 'unknown') env.problem({ field: metric, selector: at, raw: count.raw });
  else counts[metric] = count;
}

/**
 * Every count a post's footer shows. `scope` is the post (or, for a footer excerpt, any element
 * around the footer); elements inside comments are skipped.
 */
export function readCounts(scope: Element, env: Env): Counts {
  const counts: Counts = {};
  // In a post, its own subtree (not its comments); around a footer excerpt, anything.
  const unit = scope.matches(BOUNDARY);
  const own = (sel: string) => (unit ? ownFirstMatch(scope, [sel], BOUNDARY) : scope.querySelector(sel));
  const button = (metric: Metric) => own(countSelectors.buttons[metric])?.closest('[role="button"]') ?? null;
  const controls = { likes: button('likes'), replies: button('replies'), reposts: button('reposts') };
  const inButtons = (['likes', 'replies', 'reposts'] as const).map((m) => [m, textOf(controls[m])] as const);
  const toolbar = own(countSelectors.toolbar);

  // 2025–26: numbers inside the action buttons (any of them: a post may have comments but no reactions).
  if (inButtons.some(([, text]) => hasDigit(text))) {
    for (const [metric, text] of inButtons) {
      if (!hasDigit(text)) continue;
      let count = metric === 'likes' ? reactionTotal(text, env.locale) : findCounts(text, env.locale)[0];
      if (count && metric === 'likes' && toolbar)
        // The post's own toolbar: a shared post or a comment inside it may come first with its own.
        count = narrowByBreakdown(count, reactionBreakdown(scope, env.locale, toolbar));
      keep(counts, metric, count ?? null, env, countSelectors.buttons[metric], text);
    }
    return counts;
  }

  // Older: the summary row above the action bar.
  if (!toolbar) return counts;
  const total = toolbar.nextElementSibling;
  const totalText = textOf(total && lastLeaf(total));
  if (total && hasDigit(textOf(total)))
    keep(counts, 'likes', reactionTotal(totalText, env.locale), env, `${countSelectors.toolbar} + *`, totalText);
  const like = controls.likes;
  if (!like) return counts; // without the action bar there is no end to the row
  const texts: string[] = [];
  for (const el of scope.querySelectorAll('[role="button"]')) {
    if (!(toolbar.compareDocumentPosition(el) & FOLLOWING) || toolbar.contains(el) || total?.contains(el)) continue;
    if (!(el.compareDocumentPosition(like) & FOLLOWING)) break;
    const text = textOf(el);
    if (!hasDigit(text) || (unit && el.parentElement?.closest(BOUNDARY) !== scope)) continue;
    // "Seen by 45", "1.2M views": in the row, but neither comments nor shares.
    const unitWord = otherUnit(text, 'replies');
    if (unitWord) env.problem({ field: 'replies', selector: `summary row (counts "${unitWord}")`, raw: text });
    else texts.push(text);
  }
  const present = (['replies', 'reposts'] as const).filter((m) => controls[m]);
  const order =
    texts.length === 2 ? (['replies', 'reposts'] as const) : texts.length === 1 && present.length === 1 ? present : [];
  if (texts.length > 2) env.problem({ field: 'replies', selector: 'summary row', raw: texts.join(' | ') });
  order.forEach((metric, i) =>
    keep(counts, metric, findCounts(texts[i]!, env.locale)[0] ?? null, env, 'summary row', texts[i]!),
  );
  return counts;
}
