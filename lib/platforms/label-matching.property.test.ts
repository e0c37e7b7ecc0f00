/** @vitest-environment happy-dom */
/**
 * Properties of every adapter's count reading, on generated posts (fast-check): counts printed
 * the way each site prints them, in many UI languages, read back as ranges that hold the true
 * value; a count the post does not show is never stored; and on X, whose label is matched to
 * buttons by position, every number stored is one the post printed (zeros only where X's rule
 * says a button without a number is at zero).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsOf, type Count, type Counts, type Metric } from '../model';
import type { Rounding } from '../numbers/parse-count';
import { bluesky } from './bluesky';
import {
  blueskyCard,
  mastodonStatus,
  page,
  redditNew,
  redditOld,
  redditRedesign,
  threadsPost,
  tiktokCard,
  xPost,
  type XControl,
  type XMetric,
} from './fixtures/markup';
import { mastodon } from './mastodon';
import { reddit } from './reddit';
import { threads } from './threads';
import { tiktok } from './tiktok';
import type { PlatformAdapter } from './types';
import { x } from './x';

const LANGS = ['en', 'de', 'fr', 'es', 'pt-BR', 'ru', 'tr', 'ja', 'zh-TW', 'ko', 'hi', 'ar-EG', 'fa', 'bn', 'id', 'vi'];
const lang = fc.constantFrom(...LANGS);
/** A count: often 0, mostly small, sometimes in the billions. */
const count = fc.oneof(fc.constant(0), fc.nat(999), fc.nat(99_999), fc.nat(9_999_999_999));

const exactText = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);
function compactText(n: number, locale: string, roundingMode: Rounding, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', roundingMode, maximumFractionDigits }).format(n);
}

function holds(stored: Count | undefined, truth: number): boolean {
  const bounds = boundsOf(stored);
  return !!bounds && bounds.min <= truth && truth <= bounds.max;
}

function readOne(adapter: PlatformAdapter, html: string, locale: string, url: string) {
  const result = adapter.scan(page(locale, html), { url: new URL(url) });
  expect(result.readings).toHaveLength(1);
  return { counts: result.readings[0]!.counts as Counts, problems: result.problems };
}

/** Every metric shown is read back within its range; every metric not shown is absent. */
function expectTruth(counts: Counts, truth: Partial<Record<Metric, number | undefined>>, where: string) {
  for (const [metric, value] of Object.entries(truth) as [Metric, number | undefined][]) {
    if (value === undefined) expect(counts[metric], `${where}: ${metric} is not shown`).toBeUndefined();
    else
      expect(holds(counts[metric], value), `${where}: ${metric} ${value} → ${JSON.stringify(counts[metric])}`).toBe(
        true,
      );
  }
}

const RUNS = { numRuns: 300 };
/** Each run parses a page; a loaded two-core machine needs more than vitest's default 5 s. */
const TIMEOUT = 60_000;

describe('X: the action bar label matched to its buttons (property)', () => {
  const BAR: XMetric[] = ['replies', 'reposts', 'likes', 'bookmarks', 'views'];
  const WORDS: Record<XMetric, string> = {
    replies: 'Replies',
    reposts: 'reposts',
    likes: 'Likes',
    bookmarks: 'Bookmarks',
    views: 'views',
  };

  function xPostOf(truth: Record<XMetric, number>, hasViews: boolean, locale: string, compactViews: boolean) {
    const printed = (m: XMetric) =>
      m === 'views' && compactViews ? compactText(truth.views, locale, 'halfExpand') : exactText(truth[m], locale);
    const label = BAR.filter((m) => truth[m] > 0 && (m !== 'views' || hasViews))
      .map((m) => `${printed(m)} ${WORDS[m]}`)
      .join(', ');
    const controls: Partial<Record<XMetric, XControl>> = { bookmarks: { label: 'Bookmark' } };
    for (const m of ['replies', 'reposts', 'likes', 'views'] as const) {
      if (m === 'views' && !hasViews) continue;
      const n = truth[m];
      const visible = n < 10_000 ? exactText(n, locale) : compactText(n, locale, 'halfExpand');
      controls[m] = n > 0 ? { label: `${exactText(n, locale)} ${WORDS[m]}. Act`, visible } : { label: 'Act' };
    }
    return xPost(label, controls);
  }

  it(
    'reads every count of a post as the bar shows it, and views it does not show as absent',
    { timeout: TIMEOUT },
    () => {
      const truth = fc.record({ replies: count, reposts: count, likes: count, bookmarks: count, views: count });
      fc.assert(
        fc.property(truth, fc.boolean(), lang, fc.boolean(), (t, hasViews, locale, compactViews) => {
          const { counts, problems } = readOne(
            x,
            xPostOf(t, hasViews, locale, compactViews),
            locale,
            'https://x.com/home',
          );
          const where = `${locale} ${JSON.stringify(t)} views shown: ${hasViews}`;
          for (const metric of BAR) {
            if (counts[metric]) expect(holds(counts[metric], t[metric]), `${where}: ${metric}`).toBe(true);
          }
          if (hasViews) {
            expect(Object.keys(counts).sort(), where).toEqual([...BAR].sort());
            expect(problems, where).toEqual([]);
          } else {
            expect(counts.views, where).toBeUndefined();
          }
        }),
        RUNS,
      );
    },
  );

  /** A token of a label: a number the post printed, or something that is not one. */
  const token = (locale: string) =>
    fc.oneof(
      count.map((n) => ({ text: exactText(n, locale), value: n })),
      count.map((n) => ({ text: compactText(n, locale, 'halfExpand'), value: n })),
      fc.constantFrom('NaN', 'Infinity', '−', '4.5', '-3', '', 'likes').map((text) => ({ text })),
      // One number where the locale groups with spaces or apostrophes, and never several.
      fc.constantFrom({ text: '1 000 000', value: 1_000_000 }, { text: "1'234", value: 1_234 }),
    );

  it('stores only numbers the post printed, whatever its label and buttons say', { timeout: TIMEOUT }, () => {
    const post = lang.chain((locale) =>
      fc.record({
        locale: fc.constant(locale),
        label: fc.option(fc.array(token(locale), { maxLength: 6 }), { nil: null }),
        controls: fc.array(fc.record({ present: fc.boolean(), label: token(locale), visible: token(locale) }), {
          minLength: 5,
          maxLength: 5,
        }),
      }),
    );
    fc.assert(
      fc.property(post, ({ locale, label, controls }) => {
        const printed = [...(label ?? []), ...controls.flatMap((c) => [c.label, c.visible])].flatMap((t) =>
          'value' in t ? [t.value] : [],
        );
        const built: Partial<Record<XMetric, XControl>> = {};
        BAR.forEach((metric, i) => {
          const c = controls[i]!;
          if (c.present) built[metric] = { label: `${c.label.text} ${WORDS[metric]}`, visible: c.visible.text };
        });
        const html = xPost(label && label.map((t) => `${t.text} ${WORDS.likes}`).join(', '), built);
        const { counts } = readOne(x, html, locale, 'https://x.com/home');
        for (const [metric, stored] of Object.entries(counts) as [XMetric, Count][]) {
          const where = `${locale} ${html}: ${metric} ${JSON.stringify(stored)}`;
          if ('value' in stored && stored.value === 0 && !printed.includes(0)) {
            // X never prints 0: a button without a number of its own is at zero.
            const control = built[metric]!;
            expect(/\p{Nd}|NaN|Infinity/u.test(`${control.label ?? ''}${control.visible ?? ''}`), where).toBe(false);
          } else {
            expect(
              printed.some((value) => holds(stored, value)),
              where,
            ).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('the other sites: counts as each prints them, read back (property)', () => {
  it('TikTok: plain below 10,000, compact above; absent when not shown', { timeout: TIMEOUT }, () => {
    const shown = fc.option(count, { nil: undefined });
    fc.assert(
      fc.property(fc.record({ likes: shown, replies: shown, bookmarks: shown, reposts: shown }), lang, (t, locale) => {
        const text = (n: number): [string] => [n < 10_000 ? String(n) : compactText(n, locale, 'halfExpand')];
        const card = tiktokCard(
          Object.fromEntries(Object.entries(t).flatMap(([m, n]) => (n === undefined ? [] : [[m, text(n)]]))),
        );
        expectTruth(readOne(tiktok, card, locale, 'https://www.tiktok.com/foryou').counts, t, `${locale} ${card}`);
      }),
      RUNS,
    );
  });

  it(
    'Reddit: old, redesign and shreddit scores (net, may be negative) and comment counts',
    { timeout: TIMEOUT },
    () => {
      const score = fc.integer({ min: -5_000, max: 999_999 });
      fc.assert(
        fc.property(score, count, fc.constantFrom('old', 'redesign', 'new'), lang, (s, c, layout, locale) => {
          const scoreText = Math.abs(s) < 10_000 ? exactText(s, locale) : compactText(s, locale, 'halfExpand');
          const comments = `${c < 10_000 ? exactText(c, locale) : compactText(c, locale, 'halfExpand')} comments`;
          const html =
            layout === 'old'
              ? redditOld(scoreText, comments)
              : layout === 'redesign'
                ? redditRedesign(scoreText, comments)
                : redditNew(String(s), String(c));
          const { counts } = readOne(reddit, html, locale, 'https://www.reddit.com/');
          expectTruth(counts, { likes: s, replies: c }, `${layout} ${locale} ${html}`);
        }),
        RUNS,
      );
    },
  );

  it('Bluesky: exact labels, truncated repost counts, nothing printed at zero reposts', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(count, count, count, lang, (likes, replies, reposts, locale) => {
        const shown = reposts === 0 ? undefined : compactText(reposts, locale, 'trunc', reposts >= 10_000 ? 0 : 1);
        const card = blueskyCard(
          `Like (${exactText(likes, locale)} likes)`,
          `Reply (${exactText(replies, locale)} replies)`,
          shown,
        );
        const { counts } = readOne(bluesky, card, locale, 'https://bsky.app/');
        expectTruth(counts, { likes, replies, reposts }, `${locale} ${card}`);
      }),
      RUNS,
    );
  });

  it('Threads: compact numbers beside the icons; no number is unknown, never 0', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(count, count, count, lang, (likes, replies, reposts, locale) => {
        const text = (n: number) => (n === 0 ? undefined : compactText(n, locale, 'halfExpand'));
        const html = threadsPost(text(likes), text(replies), text(reposts));
        const truth = (n: number) => (n === 0 ? undefined : n);
        const { counts } = readOne(threads, html, locale, 'https://www.threads.com/');
        expectTruth(
          counts,
          { likes: truth(likes), replies: truth(replies), reposts: truth(reposts) },
          `${locale} ${html}`,
        );
      }),
      RUNS,
    );
  });

  it('Mastodon: exact below 1,000, compact above; a button without a counter is absent', { timeout: TIMEOUT }, () => {
    const shown = fc.option(count, { nil: undefined });
    fc.assert(
      fc.property(shown, shown, shown, lang, (replies, reposts, likes, locale) => {
        const text = (n?: number) =>
          n === undefined ? undefined : n < 1_000 ? String(n) : compactText(n, locale, 'halfExpand');
        const html = mastodonStatus(text(replies), text(reposts), text(likes));
        const { counts } = readOne(mastodon, html, locale, 'https://mastodon.social/home');
        expectTruth(counts, { replies, reposts, likes }, `${locale} ${html}`);
      }),
      RUNS,
    );
  });
});
