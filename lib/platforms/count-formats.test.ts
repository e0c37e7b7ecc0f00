/** @vitest-environment happy-dom */
/**
 * One number grammar on every site: the same count text means the same number whichever adapter
 * reads it (digits of any script, the language's aliases), and text that is not a number
 * ("NaN", "1 000 000" on an English page, a negative like count) is never stored, zero included,
 * and always leaves a diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { boundsOf, type Metric } from '../model';
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
} from './fixtures/markup';
import { mastodon } from './mastodon';
import { reddit } from './reddit';
import { threads } from './threads';
import { tiktok } from './tiktok';
import type { PlatformAdapter } from './types';
import { x } from './x';

interface Site {
  name: string;
  adapter: PlatformAdapter;
  url: string;
  metric: Metric;
  /** The post with `text` where its count is printed. */
  build(text: string): string;
  /** Counts that sit in attributes take ASCII digits only. */
  attributes?: boolean;
}

const SITES: Site[] = [
  {
    name: 'X action bar',
    adapter: x,
    url: 'https://x.com/home',
    metric: 'likes',
    build: (t) =>
      xPost(`${t} likes`, { replies: { label: 'Reply' }, likes: { label: `${t} Likes. Like`, visible: t } }),
  },
  {
    name: 'TikTok',
    adapter: tiktok,
    url: 'https://www.tiktok.com/foryou',
    metric: 'likes',
    build: (t) => tiktokCard({ likes: [t] }),
  },
  {
    name: 'old Reddit score',
    adapter: reddit,
    url: 'https://old.reddit.com/',
    metric: 'likes',
    build: (t) => redditOld(t, '1 comment'),
  },
  {
    name: 'old Reddit comments',
    adapter: reddit,
    url: 'https://old.reddit.com/',
    metric: 'replies',
    build: (t) => redditOld('1', `${t} comments`),
  },
  {
    name: 'Reddit redesign score',
    adapter: reddit,
    url: 'https://new.reddit.com/',
    metric: 'likes',
    build: (t) => redditRedesign(t, '1 comment'),
  },
  {
    name: 'Reddit redesign comments',
    adapter: reddit,
    url: 'https://new.reddit.com/',
    metric: 'replies',
    build: (t) => redditRedesign('1', `${t} comments`),
  },
  {
    name: 'shreddit comment count',
    adapter: reddit,
    url: 'https://www.reddit.com/',
    metric: 'replies',
    attributes: true,
    build: (t) => redditNew('1', t),
  },
  {
    name: 'Bluesky like label',
    adapter: bluesky,
    url: 'https://bsky.app/',
    metric: 'likes',
    build: (t) => blueskyCard(`Like (${t} likes)`, 'Reply (1 reply)', '1'),
  },
  {
    name: 'Bluesky repost count',
    adapter: bluesky,
    url: 'https://bsky.app/',
    metric: 'reposts',
    build: (t) => blueskyCard('Like (1 like)', 'Reply (1 reply)', t),
  },
  {
    name: 'Threads',
    adapter: threads,
    url: 'https://www.threads.com/',
    metric: 'likes',
    build: (t) => threadsPost(t, '1', '1'),
  },
  {
    name: 'Mastodon',
    adapter: mastodon,
    url: 'https://mastodon.social/home',
    metric: 'replies',
    build: (t) => mastodonStatus(t),
  },
];

function read(site: Site, text: string, lang: string) {
  const result = site.adapter.scan(page(lang, site.build(text)), { url: new URL(site.url) });
  expect(result.readings, `${site.name}: the post itself is read`).toHaveLength(1);
  return { counts: result.readings[0]!.counts, problems: result.problems };
}

describe.each(SITES.map((site) => [site.name, site] as const))('%s', (_, site) => {
  it.each([
    ['১২৩', 'bn', 123],
    ['১,২৩৪', 'bn', 1_234],
    ['１２３', 'ja', 123],
    ['١٢٣', 'ar-EG', 123],
    ['1.234', 'de', 1_234],
    ['1,2 Tsd.', 'de', 1_200],
    ['12,5 mil', 'pt-BR', 12_500],
  ])('reads %j (%s) as %d', (text, lang, value) => {
    if (site.attributes && !/^[0-9]+$/.test(text)) return;
    const { counts, problems } = read(site, text, lang);
    const bounds = counts[site.metric] && boundsOf(counts[site.metric]!);
    expect(bounds, JSON.stringify(counts)).toBeDefined();
    expect(bounds!.min <= value && value <= bounds!.max).toBe(true);
    expect(problems).toEqual([]);
  });

  it.each([
    ['NaN', 'en'],
    ['Infinity', 'en'],
    ['∞', 'en'],
    ['1 000 000', 'en'],
    ['1e308', 'en'],
    ['0.5', 'en'],
    ['-5', 'en'],
  ])('stores nothing from %j (%s), no zero anywhere, and says why', (text, lang) => {
    const { counts, problems } = read(site, text, lang);
    const signedScore = site.adapter === reddit && site.metric === 'likes' && text === '-5';
    if (signedScore) {
      expect(counts.likes).toMatchObject({ precision: 'exact', value: -5 }); // Reddit's net score can be negative
      return;
    }
    expect(counts[site.metric], JSON.stringify(counts)).toBeUndefined();
    expect(Object.values(counts).filter((c) => 'value' in c && c.value === 0)).toEqual([]);
    expect(problems.map((p) => p.field)).toContain(site.metric);
  });
});
