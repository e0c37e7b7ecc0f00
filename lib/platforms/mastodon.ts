/**
 * Mastodon (the web UI of any Mastodon server; mastodon.social out of the box, other servers once
 * the user adds them, see lib/settings/mastodon-instances.ts).
 *
 * Post unit: `div.status[data-id]` in timelines and threads (inside the 4.x web UI's `article`
 * feed item, whose own data-id is the timeline entry, e.g. the boost, and which is emptied when
 * scrolled out of view), and `div.detailed-status` for the post a thread page is about. A quoted
 * post (4.4+, `div.status--is-quote` inside `.status__quote`) is part of the quoting post.
 *
 * Key: ids are local to a server (the same post has a different data-id on every server), so the
 * data-id is never stored. postId and url are the status link of `a.status__relative-time`
 * (`a.detailed-status__datetime` on a thread page), made absolute: up to 3.x that link is the
 * post's address on its origin server for every post, so the same post seen on two servers is one
 * post. Mastodon 4.x links every post to the viewing server's copy instead (`/@user@origin/<local
 * id>`), and the origin address is not in the page: there a local post keys by its origin address
 * (the same key as everywhere else), and a remote post by that server's copy (one key per server).
 *
 * Author: the `acct` in `a.status__display-name[title]` ("user" or "user@domain"; 4.x prefixes
 * "@"), else the profile link; local accounts get the page's server as domain, so authors are
 * globally unique. Time: `time[datetime]` in the status link.
 *
 * Counts: `.status__action-bar .icon-button__counter` under the reply, boost and favourite buttons.
 * Replies are always shown; boosts and favourites only where the web UI passes `withCounters` (by
 * design timelines usually show none: absent, never 0). A thread page's own post shows boosts,
 * quotes (4.4+) and favourites in `.detailed-status__meta`. Numbers are `ShortNumber`s: exact below
 * 1,000, else "1.2K" formatted by the page locale with the translation's own unit strings
 * (`units.short.thousand` = "{count}K", fr-CA "{count} K"/"{count} G", es "{count} MM"), rounded
 * half away from zero (`Intl`), hence MASTODON_ALIASES.
 *
 * Traps: `AnimatedNumber` keeps the old and the new value as two spans while a count changes, so
 * the text then reads "89": such a count is skipped and read again when the animation's last style
 * write arrives (`style` is watched). Older versions obfuscate the reply counter to 0 / 1 / "1+":
 * "1+" is an estimate (at least 1). Servers may hide counters altogether: nothing is invented.
 * Test URLs: https://mastodon.social/home, https://mastodon.social/@Gargron/1, https://mastodon.social/explore
 */
import { textSnippet, type Count, type Counts, type Metric } from '../model';
import { parseCount } from '../numbers/parse-count';
import { defineAdapter } from './define';
import { attr, ownFirstMatch, ownMatch, parseTime, textOf } from './dom';
import { acctAuthor, profileAuthor, statusUrl } from './mastodon-urls';
import type { PostDraft, ReadContext } from './types';

const selectors = {
  post: 'div.status[data-id]:not(.status--is-quote), div.detailed-status',
  /** The post itself, or a quoted post inside it (its own author, time and text). */
  ownBoundary: 'div.status[data-id], div.detailed-status, .status__quote',
  permalink: ['a.status__relative-time[href]', 'a.detailed-status__datetime[href]'],
  /** 4.x/3.x timelines: title = acct; a thread page's own post has only the profile link. */
  author: ['.status__info a.status__display-name', 'a.status__display-name', 'a.detailed-status__display-name'],
  accountText: '.display-name__account',
  time: 'time[datetime]',
  text: ['.status__content__text', '.status__content'],
  actionBar: '.status__action-bar',
  counter: '.icon-button__counter',
  /** Icons of each action-bar button: 4.x SVG classes, 3.x Font Awesome; then the bar's fixed order. */
  buttons: {
    replies: { icon: '.icon-reply, .icon-reply-all, .fa-reply, .fa-reply-all', position: 0 },
    reposts: { icon: '.icon-retweet, .fa-retweet', position: 1 },
    likes: { icon: '.star-icon, .icon-star, .fa-star', position: 2 },
  },
  detailedMeta: '.detailed-status__meta',
  detailed: {
    reposts: '.detailed-status__reblogs',
    quotes: '.detailed-status__quotes',
    likes: '.detailed-status__favorites',
  },
} as const;

/**
 * The translations' unit strings CLDR reads differently or lacks, by page language (checked in
 * mastodon/mastodon app/javascript/mastodon/locales): de "{count}M"/"{count}B" (CLDR de has "Mio."
 * and "Mrd."), fr-CA "{count} G", es "{count} MM". "K" is read everywhere already.
 */
const MASTODON_ALIASES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  de: { m: 6, b: 9 },
  fr: { g: 9 },
  es: { mm: 9 },
};

/** The obfuscated reply count of older versions: one reply or more. */
const ONE_OR_MORE = '1+';

/** Mastodon's own unit strings for a page language, on top of the language's (always applied). */
function aliasesFor(locale: string): Readonly<Record<string, number>> | undefined {
  const language = locale.split(/[-_]/, 1)[0]!.toLowerCase();
  return Object.hasOwn(MASTODON_ALIASES, language) ? MASTODON_ALIASES[language] : undefined;
}

/**
 * The count an `AnimatedNumber`/`ShortNumber` element shows; undefined while it animates (two
 * values at once), and when it shows nothing readable (then a problem says what it showed).
 */
function readNumber(element: Element, metric: Metric, selector: string, ctx: ReadContext): Count | undefined {
  const animated = element.querySelector('.animated-number');
  if (animated && animated.childElementCount > 1) return undefined;
  const text = textOf(element);
  if (text === ONE_OR_MORE) {
    return { precision: 'estimated', value: 1, min: 1, max: Number.MAX_SAFE_INTEGER, raw: text };
  }
  const count = parseCount(text, ctx.locale, { rounding: 'halfExpand', aliases: aliasesFor(ctx.locale) });
  if (count.precision !== 'unknown') return count;
  ctx.problem({ field: metric, selector, raw: text });
  return undefined;
}

function barButton(bar: Element, metric: keyof typeof selectors.buttons): Element | null {
  const { icon, position } = selectors.buttons[metric];
  const byIcon = bar.querySelector(icon);
  if (byIcon) return byIcon.closest('button') ?? byIcon;
  return bar.querySelectorAll('button')[position] ?? null;
}

function readBar(post: Element, ctx: ReadContext): Counts {
  const counts: Counts = {};
  const bar = ownMatch(post, selectors.actionBar, selectors.ownBoundary);
  if (!bar) {
    ctx.problem({ field: 'replies', selector: selectors.actionBar });
    return counts;
  }
  for (const metric of ['replies', 'reposts', 'likes'] as const) {
    // A button without a counter: the server does not show this count (absent, not 0).
    const counter = barButton(bar, metric)?.querySelector(selectors.counter);
    const count = counter ? readNumber(counter, metric, selectors.counter, ctx) : undefined;
    if (count) counts[metric] = count;
  }
  return counts;
}

function readDetailed(post: Element, ctx: ReadContext): Counts {
  const counts: Counts = {};
  const meta = ownMatch(post, selectors.detailedMeta, selectors.ownBoundary);
  if (!meta) {
    ctx.problem({ field: 'likes', selector: selectors.detailedMeta });
    return counts;
  }
  for (const [metric, selector] of Object.entries(selectors.detailed) as [Metric, string][]) {
    // Private posts have no boost or quote link.
    const element = meta.querySelector(selector);
    const count = element ? readNumber(element, metric, selector, ctx) : undefined;
    if (count) counts[metric] = count;
  }
  return counts;
}

function readAuthor(post: Element, ctx: ReadContext): string | undefined {
  const link = ownFirstMatch(post, selectors.author, selectors.ownBoundary);
  const host = ctx.url.hostname;
  const author =
    acctAuthor(attr(link, 'title'), host) ??
    profileAuthor(attr(link, 'href'), ctx.url) ??
    acctAuthor(textOf(link?.querySelector(selectors.accountText)), host);
  if (!author) ctx.problem({ field: 'author', selector: selectors.author.join(' | '), raw: attr(link, 'title') ?? '' });
  return author ?? undefined;
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null {
  const permalink = ownFirstMatch(post, selectors.permalink, selectors.ownBoundary);
  const url = statusUrl(attr(permalink, 'href'), ctx.url);
  if (!url) {
    ctx.problem({ field: 'id', selector: selectors.permalink.join(' | '), raw: attr(permalink, 'href') ?? '' });
    return null;
  }
  const detailed = post.matches('.detailed-status');
  const draft: PostDraft = {
    platform: 'mastodon',
    postId: url,
    url,
    counts: detailed ? readDetailed(post, ctx) : readBar(post, ctx),
  };
  const author = readAuthor(post, ctx);
  if (author) draft.author = author;
  const postedAt = parseTime(attr(permalink!.querySelector(selectors.time), 'datetime'));
  if (postedAt !== undefined) draft.postedAt = postedAt;
  const text = textSnippet(textOf(ownFirstMatch(post, selectors.text, selectors.ownBoundary)));
  if (text) draft.text = text;
  return draft;
}

const bar = '.status__action-bar';
const profileLinks = '.account__header__extra__links';

export const mastodon = defineAdapter({
  id: 'mastodon',
  name: 'Mastodon',
  hosts: ['mastodon.social'],
  matches: ['https://mastodon.social/*'],
  testUrls: ['https://mastodon.social/home', 'https://mastodon.social/@Gargron/1', 'https://mastodon.social/explore'],
  postSelector: selectors.post,
  // After the last paragraph of the post's text.
  overlayAnchor: ['.status__content__text > p:last-child', '.status__content > p:last-child', '.status__content'],
  // data-id/href: an element reused for another post. `style`: when AnimatedNumber ends, the old
  // span is removed and the new one's style rewritten; the page reader records added nodes and
  // attribute changes but not removals, so that style write is what re-reads a skipped count.
  watchAttributes: ['href', 'data-id', 'style'],
  rounding: 'halfExpand',
  // Drift detection (lib/reader/drift.ts): a status link wraps each post's time (`/@user/<id>`, or
  // `/users/<user>/statuses/<id>` on older servers).
  recognize: [
    {
      name: 'status links /@<user>/<id> around a time',
      selector: 'a[href*="/@"]:has(time), a[href*="/statuses/"]:has(time)',
      id: /\/(?:@[^/]+|users\/[^/]+\/statuses)\/(\d+)/,
    },
  ],
  readPost,
  // Mastodon's IconButton marks a favourited or boosted post's button `active` (and, in 4.x, pressed).
  acted: [`${bar} .icon-button.active`, `${bar} .icon-button[aria-pressed="true"]`],
  // Only the numbers: every button keeps its icon, size and place (the counter keeps its box). The
  // bar's first and second children are the reply and boost buttons in every version (4.x wraps
  // each button in a div, 3.x does not); the favourite button carries `star-icon`.
  hide: {
    replies: [`${bar} > :first-child .icon-button__counter`],
    reposts: [`${bar} > :nth-child(2) .icon-button__counter`, '.detailed-status__reblogs', '.detailed-status__quotes'],
    likes: [`${bar} .star-icon .icon-button__counter`, '.detailed-status__favorites'],
    followers: [`${profileLinks} a[href$="/followers"] strong`, `${profileLinks} a[href$="/following"] strong`],
    // Mastodon's IconWithBadge: the unread count on the Notifications and Follow requests column
    // links and tab bar; the icon beside it stays.
    notifications: ['.icon-with-badge__badge'],
  },
});
