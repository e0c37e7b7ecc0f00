/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import { bluesky, tidTime } from './bluesky';
import homeJa from './fixtures/bluesky-home-ja.html?raw';
import notificationsEn from './fixtures/bluesky-notifications-en.html?raw';
import profileFeed from './fixtures/bluesky-profile-feed.html?raw';
import threadDe from './fixtures/bluesky-thread-de.html?raw';

const NOW = Date.parse('2026-01-21T12:00:00Z');
const PROFILE = 'https://bsky.app/profile/ada.example.com';
const HOME = 'https://bsky.app/';
const THREAD = 'https://bsky.app/profile/lena.example.de/post/3mcw7kr72s22g';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function readFixture(html: string, url: string): PostReading[] {
  return bluesky.read(parse(html), { url: new URL(url), now: NOW });
}

function byId(readings: PostReading[], id: string): PostReading {
  const found = readings.find((r) => r.postId === id);
  if (!found) throw new Error(`post ${id} was not read`);
  return found;
}

describe('Bluesky adapter on a profile feed (English, logged out)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(profileFeed, PROFILE);

  it('reads every post once, the quoted post not as a post of its own', () => {
    expect(readings().map((r) => r.postId)).toEqual([
      '3mctt2bdni22b',
      '3mcs7yru5z22p',
      '3mcon2afps225',
      '3mcmmjtmpkk2d',
      '3mcl4hbx4e22i',
    ]);
  });

  it('reads the rkey, permalink, author, time from the TID, text and exact counts from the labels', () => {
    expect(byId(readings(), '3mctt2bdni22b')).toEqual({
      platform: 'bluesky',
      postId: '3mctt2bdni22b',
      url: 'https://bsky.app/profile/ada.example.com/post/3mctt2bdni22b',
      author: 'ada.example.com',
      postedAt: Date.parse('2026-01-20T09:15:42.123Z'), // the permalink's label: "January 20, 2026 at 9:15 AM"
      text: 'Rewrote the sync engine of my note-taking app over the weekend. It is faster, and for the first time I understand it.',
      counts: {
        likes: { precision: 'exact', value: 3817, raw: '3,817' }, // "Like (3,817 likes)", shown as "3.8K"
        replies: { precision: 'exact', value: 124, raw: '124' },
        reposts: { precision: 'exact', value: 622, raw: '622' },
      },
      includes: { reposts: ['quotes'] },
      readAt: NOW,
    });
  });

  it("keeps the quoted post's permalink, author and text out of the quoting post", () => {
    const quoting = byId(readings(), '3mcs7yru5z22p');
    expect(quoting).toMatchObject({
      author: 'ada.example.com',
      url: 'https://bsky.app/profile/ada.example.com/post/3mcs7yru5z22p',
      text: 'This is the best explanation of CRDTs I have read.',
    });
    expect(readings().some((r) => r.postId === '3mc2qubi4222c')).toBe(false);
    // The repost button shows no number (logged out it has no testID either): none yet.
    expect(quoting.counts.reposts).toEqual({ precision: 'exact', value: 0 });
  });

  it("keys a repost by the original post and its author, not by the reposter's header", () => {
    expect(byId(readings(), '3mcon2afps225')).toMatchObject({
      author: 'linus.example.net',
      url: 'https://bsky.app/profile/linus.example.net/post/3mcon2afps225',
      counts: { likes: { value: 469 }, replies: { value: 4 }, reposts: { value: 15 } },
    });
  });

  it('keeps the truncated repost count "12K" as 12,000–12,999 and says it includes quotes', () => {
    const big = byId(readings(), '3mcmmjtmpkk2d');
    expect(big.counts).toEqual({
      likes: { precision: 'exact', value: 45678, raw: '45,678' },
      replies: { precision: 'exact', value: 1024, raw: '1,024' },
      reposts: { precision: 'rounded', value: 12000, min: 12000, max: 13000, raw: '12K' },
    });
    expect(big.includes).toEqual({ reposts: ['quotes'] });
  });

  it('reads zeros only where the site shows them: "(0 likes)" labels and an empty repost button', () => {
    expect(byId(readings(), '3mcl4hbx4e22i').counts).toEqual({
      likes: { precision: 'exact', value: 0, raw: '0' },
      replies: { precision: 'exact', value: 0, raw: '0' },
      reposts: { precision: 'exact', value: 0 },
    });
  });
});

describe('Bluesky adapter in other UI languages', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(homeJa, HOME);

  it('reads the exact count from a Japanese label while the button shows "6万"', () => {
    expect(byId(readings(), '3mcw2avauk227').counts).toEqual({
      likes: { precision: 'exact', value: 63561, raw: '63,561' },
      replies: { precision: 'exact', value: 1204, raw: '1,204' },
      reposts: { precision: 'exact', value: 8765, raw: '8765' },
    });
  });

  it('reads no count from the pill above the feed ("57件の新しい投稿"), nor from a label naming new posts', () => {
    const values = readings().flatMap((r) => Object.values(r.counts).map((c) => ('value' in c ? c.value : null)));
    expect(values).not.toContain(57);
    const doc = parse(homeJa);
    doc.querySelector('[data-testid="likeBtn"]')!.setAttribute('aria-label', '57件の新しいポスト');
    const result = bluesky.scan(doc.querySelector('[data-testid^="feedItem-by-"]')!, { url: new URL(HOME), now: NOW });
    expect(result.readings[0]!.counts.likes).toBeUndefined();
    expect(result.problems.map((p) => p.field)).toEqual(['likes']);
  });

  it('reads a post the reader liked ("いいねを取り消す") like any other', () => {
    expect(byId(readings(), '3mcvvvg2m222f').counts).toMatchObject({
      likes: { value: 12 },
      replies: { value: 0 },
      reposts: { value: 0 },
    });
  });

  it('ignores a repost header in Japanese just as in English', () => {
    expect(byId(readings(), '3mcw3yeylw22y')).toMatchObject({
      author: 'tanaka.example.jp',
      postedAt: Date.parse('2026-01-21T07:01:02Z'),
    });
  });

  it('keys a post linked by DID by its rkey, and by handle gives the same key', () => {
    const byDid = byId(readings(), '3mcvehjbj2s24');
    expect(byDid).toMatchObject({
      url: 'https://bsky.app/profile/did:plc:k7nbq4x2mvw3ehkqa5dzfe6r/post/3mcvehjbj2s24',
      author: 'did:plc:k7nbq4x2mvw3ehkqa5dzfe6r', // its handle is "handle.invalid"
    });
    const doc = parse(homeJa);
    const item = doc.querySelector('[data-testid="feedItem-by-handle.invalid"]')!;
    item.setAttribute('data-testid', 'feedItem-by-fixed.example.jp');
    item.querySelector('a[href*="/post/"]')!.setAttribute('href', '/profile/fixed.example.jp/post/3mcvehjbj2s24');
    const [byHandle] = bluesky.read(item, { url: new URL(HOME), now: NOW });
    expect(byHandle).toMatchObject({ postId: byDid.postId, author: 'fixed.example.jp', postedAt: byDid.postedAt });
  });

  it('reads a German thread: the focused post from the page address, its quote and save counts', () => {
    const thread = readFixture(threadDe, THREAD);
    expect(thread.map((r) => r.postId)).toEqual(['3mcw52cbm222l', '3mcw7kr72s22g', '3mcwcn4d32226']);
    const focused = byId(thread, '3mcw7kr72s22g');
    expect(focused).toMatchObject({
      url: THREAD,
      author: 'lena.example.de',
      postedAt: Date.parse('2026-01-21T08:05:00Z'),
      text: '„Der Zauberberg“. Ich habe drei Anläufe gebraucht, aber jetzt lese ich jede freie Minute.',
    });
    expect(focused.counts).toEqual({
      likes: { precision: 'exact', value: 1234, raw: '1.234' }, // "Liken (1.234 Likes)"
      replies: { precision: 'exact', value: 2, raw: '2' },
      // The button's 63 (56 reposts + 7 quotes): reposts mean the same on every reading of a post.
      reposts: { precision: 'exact', value: 63, raw: '63' },
      quotes: { precision: 'exact', value: 7, raw: '7' },
      bookmarks: { precision: 'exact', value: 89, raw: '89' },
    });
    expect(focused.includes).toEqual({ reposts: ['quotes'] });
    // German does not abbreviate thousands: the reply's "12.345" is exactly 12,345.
    expect(byId(thread, '3mcwcn4d32226').counts.likes).toEqual({ precision: 'exact', value: 12345, raw: '12.345' });
  });

  it('works out quotes, or an exact repost sum, from the focused post’s separate counts', () => {
    const doc = parse(threadDe);
    doc.querySelector('a:has([data-testid="quoteCount-expanded"])')!.remove(); // quoting disabled
    const [, withoutQuotes] = bluesky.read(doc, { url: new URL(THREAD), now: NOW });
    expect(withoutQuotes?.counts).toMatchObject({ reposts: { value: 63 }, quotes: { precision: 'exact', value: 7 } });

    const big = parse(threadDe);
    const focused = big.querySelectorAll('[data-testid^="postThreadItem-by-"]')[1]!;
    focused.querySelector('[data-testid="repostCount"]')!.textContent = '1.2K';
    focused.querySelector('[data-testid="repostCount-expanded"] span')!.textContent = '1150';
    focused.querySelector('[data-testid="quoteCount-expanded"] span')!.textContent = '61';
    const [read] = bluesky.read(focused, { url: new URL(THREAD), locale: 'en', now: NOW });
    expect(read?.counts).toMatchObject({
      reposts: { precision: 'exact', value: 1211 }, // "1.2K" on the button, 1150 + 61 listed apart
      quotes: { precision: 'exact', value: 61 },
    });
  });

  it('does not give the focused post an address that names someone else’s post', () => {
    const result = bluesky.scan(parse(threadDe), {
      url: new URL('https://bsky.app/profile/jonas.example.de/post/3mcw52cbm222l'),
      now: NOW,
    });
    expect(result.readings.map((r) => r.postId)).toEqual(['3mcw52cbm222l', '3mcwcn4d32226']);
    expect(result.problems).toEqual([{ field: 'id', selector: 'a[href*="/post/"]' }]);
  });
});

describe('Bluesky adapter on notifications', () => {
  it('reads the reply shown as a post, not the "liked/reposted/followed" rows that reuse feedItem-by-', () => {
    const result = bluesky.scan(parse(notificationsEn), { url: new URL('https://bsky.app/notifications'), now: NOW });
    expect(result.candidates).toBe(1);
    expect(result.problems).toEqual([]);
    expect(result.readings.map((r) => [r.postId, r.author])).toEqual([['3mch4icdc2223', 'carol.example.com']]);
  });
});

describe('Bluesky adapter on changed and unrecognised markup', () => {
  it('falls back to the truncated visible counts when the labels carry no number', () => {
    const doc = parse(profileFeed);
    const item = doc.querySelector('[data-testid^="feedItem-by-"]')!;
    item.querySelector('[data-testid="likeBtn"]')!.setAttribute('aria-label', 'Like');
    item.querySelector('[data-testid="replyBtn"]')!.setAttribute('aria-label', 'Reply');
    item.querySelector('[data-testid="repostCount"]')!.textContent = '1K';
    const result = bluesky.scan(item, { url: new URL(PROFILE), now: NOW });
    expect(result.readings[0]?.counts).toEqual({
      likes: { precision: 'rounded', value: 3800, min: 3800, max: 3900, raw: '3.8K' },
      replies: { precision: 'exact', value: 124, raw: '124' },
      // Below 10,000 Bluesky prints a decimal, so a bare "1K" is 1,000–1,099.
      reposts: { precision: 'rounded', value: 1000, min: 1000, max: 1100, raw: '1K' },
    });

    const ja = parse(homeJa).querySelector('[data-testid^="feedItem-by-"]')!;
    ja.querySelector('[data-testid="likeBtn"]')!.setAttribute('aria-label', 'いいねする');
    const [read] = bluesky.read(ja, { url: new URL(HOME), locale: 'ja', now: NOW });
    expect(read?.counts.likes).toEqual({ precision: 'rounded', value: 60000, min: 60000, max: 70000, raw: '6万' });
  });

  it('reads a recycled card as the post it shows now', () => {
    const doc = parse(profileFeed);
    const [first, , , fourth] = Array.from(doc.querySelectorAll('[data-testid^="feedItem-by-"]'));
    first!.innerHTML = fourth!.innerHTML;
    expect(bluesky.read(first!, { url: new URL(PROFILE), now: NOW })[0]).toMatchObject({
      postId: '3mcmmjtmpkk2d',
      counts: { likes: { value: 45678 } },
    });
  });

  it('reports a count label it cannot parse instead of guessing', () => {
    const doc = parse(profileFeed);
    const item = doc.querySelector('[data-testid^="feedItem-by-"]')!;
    item.querySelector('[data-testid="likeBtn"]')!.setAttribute('aria-label', 'Like (3,8,17 likes)');
    const result = bluesky.scan(item, { url: new URL(PROFILE), now: NOW });
    expect(result.readings[0]?.counts.likes).toBeUndefined();
    expect(result.problems).toEqual([{ field: 'likes', selector: 'button[data-testid="likeBtn"]', raw: '3,8,17' }]);
  });

  it('reads nothing, and says why, from a card without a permalink', () => {
    const doc = parse(
      '<html lang="en"><body><div role="link" data-testid="feedItem-by-a.example.com"><button data-testid="likeBtn" aria-label="Like (1 like)"></button></div></body></html>',
    );
    const result = bluesky.scan(doc, { url: new URL(HOME), now: NOW });
    expect(result).toMatchObject({ readings: [], candidates: 1, problems: [{ field: 'id' }] });
  });

  it('decodes the creation time a TID rkey carries', () => {
    // A real post: its permalink's label read "January 26, 2026 at 7:50 PM" on a UTC+1 machine.
    expect(new Date(tidTime('3mddvy5bv6k27')!).toISOString()).toBe('2026-01-26T18:50:47.802Z');
    expect(tidTime('self')).toBeUndefined();
    expect(tidTime('zzzzzzzzzzzzz')).toBeUndefined(); // the top bit of a TID is always 0
  });
});
