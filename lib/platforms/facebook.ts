/**
 * Facebook (facebook.com, www./m./web.), the "Comet" web app.
 *
 * Post unit: a feed unit `div[aria-posinset]`, or `div[role="article"]` on pages without a feed
 * (a post's own page). Comments are `role="article"` too but carry an `aria-label` ("Comment by …");
 * any unit nested in another one is left to the outer one. Classes are atomic, hashed and rotate,
 * so only roles, aria attributes, `data-ad-rendering-role` hooks and link addresses are used.
 *
 * Id: the post's own permalink, the first text link (not a photo or video thumbnail, not in the
 * message, not in a comment) that canonicalPermalink() recognizes: a story form first, else a
 * video or photo form (a photo or video post's time links to the media). Feed posts often carry
 * `href="#"` on their time link until it is hovered: such a post has no id and is not read.
 * Author: the profile link in `[data-ad-rendering-role="profile_name"]` (username, or numeric id).
 * Time: not in the DOM (no machine-readable time; fbids carry none), so left out.
 *
 * Counts, two layouts:
 * - 2025–26: the number sits inside the action buttons (`like_button` → "19" = all reactions,
 *   `comment_button` → comments, `share_button` → shares), exact, or rounded when compact ("1,2 mil");
 * - older: a summary row above the action bar: the reactions toolbar (`span[role="toolbar"]`), the
 *   total beside it (its last leaf: a hidden "All reactions:" label may precede it), then the
 *   comment and share counts in the action bar's order. One count beside both a comment and a share
 *   button is ambiguous without reading words, so it is left unknown.
 * The toolbar's per-reaction labels ("Haha: 9 pessoas") are exact but list only the top three
 * reaction types, so their sum is exact only when fewer than three are shown; the total is the
 * source of truth. "You and 12 others" counts the others: 13 `estimated` in [13, 14] (one or two
 * people are named). Sponsored: only ads with a call-to-action button (`data-ad-rendering-role^="cta"`)
 * are recognized; the "Sponsored" label itself is scrambled text, not structure. How Facebook rounds
 * "1,2 mil" is not documented: half-up is assumed, so the range is [1 150, 1 250).
 * Test URLs: https://www.facebook.com/, https://m.facebook.com/story.php?story_fbid=1234567890&id=4,
 * https://web.facebook.com/groups/receitas/posts/1234567890/
 */
import { boundsOf, textSnippet, type Count, type Counts } from '../model';
import { aliasesForLocale, findCounts, parseCount } from '../numbers/parse-count';
import { canonicalPermalink, handleFromHref, type Permalink } from './facebook-urls';
import { defineAdapter } from './define';
import { attr, hasDigit, ownFirstMatch, textOf } from './dom';
import type { PostDraft, ReadContext } from './types';

const selectors = {
  post: 'div[aria-posinset], div[role="article"]:not([aria-label])',
  /** What is not the post's own: comments (and any nested unit). */
  notOwn: '[role="article"]',
  message: '[data-ad-rendering-role="story_message"], [data-ad-preview="message"], [data-ad-comet-preview="message"]',
  /** Text links only: a link around a picture is a thumbnail, not the post's time link. */
  links: 'a[href]:not(:has(img, svg, video))',
  author: ['[data-ad-rendering-role="profile_name"] a[href]', 'h2 a[href]', 'h3 a[href]', 'h4 a[href]'],
  buttons: {
    likes: '[data-ad-rendering-role="like_button"]',
    replies: '[data-ad-rendering-role="comment_button"]',
    reposts: '[data-ad-rendering-role="share_button"]',
  },
  toolbar: '[role="toolbar"]',
  reaction: '[role="button"][aria-label]',
  sponsored: '[data-ad-rendering-role^="cta"]',
} as const;

const BOUNDARY = `${selectors.post}, ${selectors.notOwn}`;
/** Addresses worth parsing: the permalink forms canonicalPermalink() knows. */
const POST_HREF =
  /\/posts\/|story_fbid=|\/permalink\/|multi_permalinks=|\/reels?\/|\/watch|video\.php|\/videos\/|\/photos?[/.?]|fbid=/;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const KIND_RANK: Record<Permalink['kind'], number> = { story: 0, video: 1, photo: 2 };

type Env = Pick<ReadContext, 'locale' | 'problem'>;
const options = (locale: string) => ({ rounding: 'halfExpand' as const, aliases: aliasesForLocale(locale) });

/** The post's own permalink: story links beat video and photo links; document order breaks ties. */
function permalinkOf(post: Element, base: URL): Permalink | null {
  let best: Permalink | null = null;
  for (const link of post.querySelectorAll(selectors.links)) {
    const href = link.getAttribute('href') ?? '';
    if (!POST_HREF.test(href) || link.parentElement?.closest(BOUNDARY) !== post || link.closest(selectors.message))
      continue;
    const found = canonicalPermalink(href, base);
    if (found && (!best || KIND_RANK[found.kind] < KIND_RANK[best.kind])) best = found;
    if (best?.kind === 'story') break;
  }
  return best;
}

/**
 * A reactions total as printed: a bare number ("19", "1,2 mil") is the total; a sentence naming
 * people ("You and 12 others", "Você e outras 12 pessoas") counts the others, so one or two more.
 */
export function reactionTotal(text: string, locale: string): Count | null {
  const whole = parseCount(text, locale, options(locale));
  if (whole.precision !== 'unknown') return whole;
  const numbers = findCounts(text, locale, options(locale));
  if (numbers.length !== 1) return numbers.length ? { precision: 'unknown', raw: text } : null;
  const others = numbers[0]!;
  const bounds = boundsOf(others);
  if (!bounds || !('value' in others)) return others;
  return { precision: 'estimated', value: others.value + 1, min: bounds.min + 1, max: bounds.max + 2, raw: text };
}

/** The toolbar's per-reaction labels ("Haha: 9 pessoas"), each with its count. */
export function reactionBreakdown(scope: ParentNode, locale: string): { label: string; count: Count }[] {
  const toolbar = scope.querySelector(selectors.toolbar);
  if (!toolbar) return [];
  return Array.from(toolbar.querySelectorAll(selectors.reaction), (el) => {
    const label = el.getAttribute('aria-label') ?? '';
    return { label, count: findCounts(label, locale, options(locale))[0] ?? { precision: 'unknown', raw: label } };
  });
}

function lastLeaf(el: Element): Element {
  let leaf = el;
  while (leaf.lastElementChild) leaf = leaf.lastElementChild;
  return leaf;
}

function keep(counts: Counts, metric: 'likes' | 'replies' | 'reposts', count: Count | null, env: Env, at: string) {
  if (!count) return;
  if (count.precision === 'unknown') env.problem({ field: metric, selector: at, raw: count.raw });
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
  const button = (metric: keyof typeof selectors.buttons) =>
    own(selectors.buttons[metric])?.closest('[role="button"]') ?? null;
  const controls = { likes: button('likes'), replies: button('replies'), reposts: button('reposts') };
  const like = controls.likes;
  const inButtons = (['likes', 'replies', 'reposts'] as const).map(
    (metric) => [metric, textOf(controls[metric])] as const,
  );

  // 2025–26: numbers inside the action buttons (any of them: a post may have comments but no reactions).
  if (inButtons.some(([, text]) => hasDigit(text))) {
    for (const [metric, text] of inButtons) {
      if (!hasDigit(text)) continue;
      const count =
        metric === 'likes' ? reactionTotal(text, env.locale) : findCounts(text, env.locale, options(env.locale))[0];
      keep(counts, metric, count ?? null, env, selectors.buttons[metric]);
    }
    return counts;
  }

  // Older: the summary row above the action bar.
  const toolbar = own(selectors.toolbar);
  if (!toolbar) return counts;
  const total = toolbar.nextElementSibling;
  if (total && hasDigit(textOf(total)))
    keep(counts, 'likes', reactionTotal(textOf(lastLeaf(total)), env.locale), env, `${selectors.toolbar} + *`);
  if (!like) return counts; // without the action bar there is no end to the row
  const texts: string[] = [];
  for (const el of scope.querySelectorAll('[role="button"]')) {
    if (!(toolbar.compareDocumentPosition(el) & FOLLOWING) || toolbar.contains(el) || total?.contains(el)) continue;
    if (!(el.compareDocumentPosition(like) & FOLLOWING)) break;
    const text = textOf(el);
    if (hasDigit(text) && (!unit || el.parentElement?.closest(BOUNDARY) === scope)) texts.push(text);
  }
  const present = (['replies', 'reposts'] as const).filter((m) => controls[m]);
  const order =
    texts.length === 2 ? (['replies', 'reposts'] as const) : texts.length === 1 && present.length === 1 ? present : [];
  if (texts.length > 2) env.problem({ field: 'replies', selector: 'summary row', raw: texts.join(' | ') });
  order.forEach((metric, i) =>
    keep(counts, metric, findCounts(texts[i]!, env.locale, options(env.locale))[0] ?? null, env, 'summary row'),
  );
  return counts;
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null {
  // A unit inside another unit (a comment, a wrapper) belongs to the outer one.
  if (post.parentElement?.closest(selectors.post)) return null;
  const permalink = permalinkOf(post, ctx.url);
  if (!permalink) {
    ctx.problem({ field: 'id', selector: `${selectors.links} (a post permalink)` });
    return null;
  }
  const draft: PostDraft = {
    platform: 'facebook',
    postId: permalink.postId,
    url: permalink.url,
    counts: readCounts(post, ctx),
  };
  const profile = ownFirstMatch(post, selectors.author, BOUNDARY);
  const author = handleFromHref(attr(profile, 'href'), ctx.url);
  if (author) draft.author = author;
  const text = textSnippet(textOf(ownFirstMatch(post, [selectors.message], BOUNDARY)));
  if (text) draft.text = text;
  if (ownFirstMatch(post, [selectors.sponsored], BOUNDARY)) draft.promoted = true;
  return draft;
}

/** The control holding a count, by its hook; its number is the `span[dir="auto"]` beside the icon. */
const inButton = (role: string) => `[role="button"]:has([data-ad-rendering-role="${role}"]) span[dir="auto"]`;

export const facebook = defineAdapter({
  id: 'facebook',
  name: 'Facebook',
  hosts: ['facebook.com'],
  matches: [
    'https://facebook.com/*',
    'https://www.facebook.com/*',
    'https://m.facebook.com/*',
    'https://web.facebook.com/*',
  ],
  testUrls: [
    'https://www.facebook.com/',
    'https://m.facebook.com/story.php?story_fbid=1234567890&id=4',
    'https://web.facebook.com/groups/receitas/posts/1234567890/',
  ],
  postSelector: selectors.post,
  watchAttributes: ['aria-label', 'href'],
  rounding: 'halfExpand',
  // Drift detection (lib/reader/drift.ts). Feed posts carry no permalink until hovered (the time
  // link is `href="#"`), so the action bar's stable hook counts too: one like button per post
  // (comments have none). Photo posts link their photos (`/photo/?fbid=`).
  recognize: [
    { name: 'like buttons [data-ad-rendering-role=like_button]', selector: '[data-ad-rendering-role="like_button"]' },
    {
      name: 'post permalinks /posts/, story_fbid=, /permalink/',
      selector: 'a[href*="/posts/"], a[href*="story_fbid="], a[href*="/permalink/"]',
      id: /(?:\/posts\/|story_fbid=|\/permalink\/)([\w]+)/,
    },
    { name: 'photo links /photo/?fbid=', selector: 'a[href*="fbid="]:has(img)', id: /[?&]fbid=(\d+)/ },
  ],
  readPost,
  // Numbers inside buttons keep their box (the button stays where it was and clickable).
  hide: {
    likes: [inButton('like_button')],
    replies: [inButton('comment_button')],
    reposts: [inButton('share_button')],
  },
  // The older summary row's total stands alone beside the reaction icons: take it out of the flow.
  collapse: {
    likes: [':is(div[aria-posinset], div[role="article"]) [role="toolbar"] + *'],
  },
});
