/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import { facebook, narrowByBreakdown, reactionBreakdown } from './facebook';
import { fallbackKey } from './fingerprint';
import feedEn from './fixtures/facebook-feed-en.html?raw';
import feedPt from './fixtures/facebook-feed-pt.html?raw';
import home2026 from './fixtures/facebook-home-2026-en.html?raw';
import reelEn from './fixtures/facebook-reel-en.html?raw';
import permalinkPt from './fixtures/facebook-permalink-pt.html?raw';

const NOW = Date.parse('2024-11-22T12:00:00Z');
const HOME = 'https://www.facebook.com/';
const RECENT = 'https://www.facebook.com/?sk=h_chr';
const POST_PAGE = 'https://www.facebook.com/permalink.php?story_fbid=1098765432109876&id=100012345678901';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
function readFixture(html: string, url: string): PostReading[] {
  return facebook.read(parse(html), { url: new URL(url), now: NOW });
}
function byId(readings: PostReading[], id: string): PostReading {
  const found = readings.find((r) => r.postId === id);
  if (!found) throw new Error(`post ${id} was not read`);
  return found;
}

describe('Facebook adapter on the June 2026 feed, English (facebook-home-2026-en.html)', () => {
  const NEWS = 'https://www.facebook.com/home.php';
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const scan = () => facebook.scan(parse(home2026), { url: new URL(NEWS), now: NOW });
  const photo = () => scan().readings[0];
  const textOnly = () => scan().readings[1];
  const hovered = () => scan().readings[2];
  const video = () => scan().readings[3];

  it('keys a post without a permalink by its author and photo, linked to the photo', () => {
    expect(photo()).toEqual({
      platform: 'facebook',
      postId: fallbackKey('lumenjournal', 'photo:1577665544332211'),
      url: 'https://www.facebook.com/photo/?fbid=1577665544332211',
      author: 'lumenjournal',
      // The translated message, without "See original" and the separators (the decoy blockquote is not it).
      text: 'The new issue is out: forty pages on the mountain villages of the north.',
      counts: {
        // "Like: 8.1K" + "Love: 592" is at least 8,642: no tighter than 9.1K's own range, which stays.
        likes: { precision: 'rounded', value: 9100, min: 9050, max: 9150, raw: '9.1K' },
        replies: { precision: 'exact', value: 602, raw: '602' },
        reposts: { precision: 'exact', value: 23, raw: '23' },
      },
    });
  });

  it('keys a text-only post by its author and the start of its text; its profile is its address', () => {
    expect(textOnly()).toMatchObject({
      postId: fallbackKey('maya.lindqvist', 'Ran my first half marathon this morning. Slow, happy, and very hungry.'),
      url: 'https://www.facebook.com/maya.lindqvist',
      counts: { likes: { precision: 'exact', value: 48 }, replies: { precision: 'exact', value: 7 } },
    });
    expect(textOnly()?.counts.reposts).toBeUndefined(); // a share button without a number
  });

  it('narrows a rounded total by an exact reaction figure, and names the fingerprint of a hovered post', () => {
    expect(hovered()).toMatchObject({
      postId: 'pfbid02Lm4nQ7rS9tU1vW3xY5zA7bC9dE1fG3hJ5kL7mN9pQ1rS3t',
      aliases: [fallbackKey('lumenjournal', 'photo:1577665544330099')],
      // "1.2K" is [1,150, 1,250); "Like: 1,234 people" alone says at least 1,234: still rounded, never exact.
      counts: { likes: { precision: 'rounded', value: 1234, min: 1234, max: 1250 } },
    });
    const total = { precision: 'rounded', value: 1200, min: 1150, max: 1250 } as const;
    expect(narrowByBreakdown(total, [{ count: { precision: 'exact', value: 1300 } }])).toEqual(total); // contradicts
    expect(narrowByBreakdown({ precision: 'exact', value: 19 }, [{ count: { precision: 'exact', value: 9 } }])).toEqual(
      {
        precision: 'exact',
        value: 19,
      },
    );
  });

  it('never the wrong field: a video’s "1.2M views" is not a count of anything it reads', () => {
    expect(video()).toMatchObject({
      postId: fallbackKey('trailcam.tv', 'video:1466554433221100'),
      url: 'https://www.facebook.com/watch/?v=1466554433221100',
    });
    expect(Object.keys(video()!.counts).sort()).toEqual(['likes', 'replies', 'reposts']);
    expect(Object.values(video()!.counts).map((c) => c.raw)).toEqual(['31K', '1.1K', '2.4K']);
  });

  it('reports the post it cannot key (no author link, no permalink) instead of dropping it silently', () => {
    expect(scan().readings).toHaveLength(4);
    expect(scan().candidates).toBe(5);
    expect(scan().problems).toEqual([expect.objectContaining({ field: 'id' })]);
  });
});

describe('Facebook adapter on the Reels player (facebook-reel-en.html)', () => {
  const REEL = 'https://www.facebook.com/reel/1455667788990011';
  const doc = parse(reelEn);

  it('reads only the reel the address names, never the neighbours the player keeps mounted', () => {
    const result = facebook.scan(doc, { url: new URL(REEL), now: NOW });
    expect(result).toMatchObject({ candidates: 1, problems: [] });
    expect(result.readings).toEqual([
      expect.objectContaining({
        postId: '1455667788990011',
        url: 'https://www.facebook.com/watch/?v=1455667788990011',
        author: 'lumenjournal',
        counts: {
          likes: { precision: 'rounded', value: 48_000, min: 47_500, max: 48_500, raw: '48K' },
          replies: { precision: 'exact', value: 1204, raw: '1,204' },
          reposts: { precision: 'rounded', value: 3100, min: 3050, max: 3150, raw: '3.1K' },
        },
      }),
    ]);
  });

  it('follows the address as the user swipes, and reads no reel elsewhere', () => {
    const next = facebook.read(doc, { url: new URL('https://www.facebook.com/reel/1455667788990022/'), now: NOW });
    expect(next.map((r) => [r.postId, r.author, r.counts.likes?.raw])).toEqual([
      ['1455667788990022', 'maya.lindqvist', '402'],
    ]);
    expect(facebook.scan(doc, { url: new URL(HOME), now: NOW })).toMatchObject({ readings: [], candidates: 0 });
  });
});

describe('Facebook adapter on the 2025–26 feed, Portuguese (facebook-feed-pt.html)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(feedPt, HOME);

  it('reads each post once by its own permalink, never by a photo thumbnail or a comment’s link', () => {
    expect(readings().map((r) => r.postId)).toEqual([
      'pfbid02Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS',
      '1098765432109876',
      '2233445566778899',
      '1357924680135792',
      '5566778899001122',
      fallbackKey('diego.ramos.31', 'photo:2244668800224466'), // its time link is still "#"
    ]);
  });

  it('reads permalink, author, text and the counts inside the action buttons', () => {
    expect(readings()[0]).toEqual({
      platform: 'facebook',
      postId: 'pfbid02Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS',
      url: 'https://www.facebook.com/lumenviagens/posts/pfbid02Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS',
      author: 'lumenviagens',
      text: 'Chegou a temporada de baixa em Lisboa! Pacotes com hotel e voo a partir de 12 parcelas. Quem topa?',
      // No share button on this post: shares are unknown, not 0.
      counts: {
        likes: { precision: 'exact', value: 19, raw: '19' },
        replies: { precision: 'exact', value: 9, raw: '9' },
      },
      // The key it would have had before its permalink was filled in: merged into this one when stored.
      aliases: [fallbackKey('lumenviagens', 'photo:1122334455667788')],
      readAt: NOW,
    });
  });

  it('reads Portuguese compact numbers as ranges ("1,2 mil", "2,3 mi"), plain ones as exact', () => {
    expect(byId(readings(), '1098765432109876').counts).toEqual({
      likes: { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1,2 mil' },
      replies: { precision: 'exact', value: 345, raw: '345' },
      reposts: { precision: 'exact', value: 27, raw: '27' },
    });
    expect(byId(readings(), '1357924680135792').counts).toMatchObject({
      likes: { precision: 'rounded', value: 2_300_000 },
      replies: { precision: 'rounded', value: 4500 },
      reposts: { precision: 'rounded', value: 12_000, min: 11_500, max: 12_500 },
    });
  });

  it('keys group posts and reels by their fbid, with numeric authors where there is no username', () => {
    expect(byId(readings(), '2233445566778899')).toMatchObject({
      url: 'https://www.facebook.com/groups/receitasdavo/posts/2233445566778899/',
      author: '100023456789012',
      counts: { likes: { value: 56 }, replies: { precision: 'rounded', value: 1100 }, reposts: { value: 3 } },
    });
    expect(byId(readings(), '1357924680135792')).toMatchObject({
      url: 'https://www.facebook.com/watch/?v=1357924680135792',
      author: 'cozinhadamari',
    });
    expect(byId(readings(), '1098765432109876').author).toBe('100012345678901');
  });

  it('trap: a post whose time link is not resolved yet (href="#") is keyed by author and photo, then by its id', () => {
    const doc = parse(feedPt);
    const result = facebook.scan(doc, { url: new URL(HOME), now: NOW });
    expect(result).toMatchObject({ candidates: 6, problems: [] });
    const before = result.readings[5]!;
    expect(before).toMatchObject({
      postId: 'fp:diego.ramos.31:11e4e71d2a87e5',
      url: 'https://www.facebook.com/photo/?fbid=2244668800224466', // its photo, never the photo's own key
      author: 'diego.ramos.31',
      counts: { likes: { value: 31 } },
    });
    expect(before.aliases).toBeUndefined();
    // Hovered: Facebook fills in the address; the real key names the fingerprint for the store to merge.
    doc
      .querySelector('[aria-posinset="6"] a[href="#"]')!
      .setAttribute('href', '/diego.ramos.31/posts/4455667788990011');
    const after = facebook.read(doc.querySelector('[aria-posinset="6"]')!, { url: new URL(HOME), now: NOW })[0];
    expect(after).toMatchObject({ postId: '4455667788990011', aliases: [before.postId], counts: before.counts });
  });

  it('trap: flags an ad as promoted only by its call-to-action button', () => {
    expect(
      readings()
        .filter((r) => r.promoted)
        .map((r) => r.postId),
    ).toEqual(['5566778899001122']);
    // The en feed's ad has no such button (and an attribution link, which organic links carry too): not flagged.
    expect(byId(readFixture(feedEn, RECENT), '5566778899001133').promoted).toBeUndefined();
  });

  it('lists the per-reaction labels, whose sum is the total only when every reaction type is shown', () => {
    const post = parse(feedPt).querySelector('[aria-posinset="1"]')!;
    const breakdown = reactionBreakdown(post, 'pt');
    expect(breakdown.map((r) => [r.label, 'value' in r.count ? r.count.value : null])).toEqual([
      ['Haha: 9 pessoas', 9],
      ['Curtir: 8 pessoas', 8],
      ['Amei: 2 pessoas', 2],
    ]);
    // Three types shown (Facebook's maximum): 19 is the total here, but only the total says so.
    expect(breakdown.reduce((sum, r) => sum + ('value' in r.count ? r.count.value : 0), 0)).toBe(19);
  });
});

describe('Facebook adapter on the older summary-row layout, English (facebook-feed-en.html)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(feedEn, RECENT);

  it('trap: "You and 12 others" is 13 estimated; comments and shares come from the summary row', () => {
    expect(byId(readings(), '1234567890123456').counts).toEqual({
      likes: { precision: 'estimated', value: 13, min: 13, max: 15, raw: 'You and 12 others' },
      replies: { precision: 'exact', value: 45, raw: '45' },
      reposts: { precision: 'exact', value: 3, raw: '3' },
    });
  });

  it('keys a shared post by the sharer’s story, not the original inside it', () => {
    expect(readings().map((r) => r.postId)).toEqual([
      '1234567890123456',
      'pfbid0Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk1Ll2Mm3Nn4Oo5',
      '2468013579246801',
      '3344556677889900',
      '5566778899001133',
    ]);
    expect(readings()[1]).toMatchObject({
      author: 'ana.souza.52',
      text: "Booked! Who's coming?",
      counts: { likes: { value: 8 }, replies: { value: 2 }, reposts: { value: 1 } },
    });
  });

  it('leaves a lone count beside both a comment and a share button unknown instead of guessing', () => {
    expect(byId(readings(), '2468013579246801').counts).toEqual({
      likes: { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1.2K' },
    });
    // With only a comment button, the one count is the comments.
    expect(byId(readings(), '3344556677889900')).toMatchObject({
      url: 'https://www.facebook.com/groups/northsideneighbours/posts/3344556677889900/',
      author: '100034567890123',
      counts: { likes: { precision: 'exact', value: 21 }, replies: { precision: 'exact', value: 4 } },
    });
  });
});

describe('Facebook adapter on a post’s own page (facebook-permalink-pt.html)', () => {
  it('gives the post the same key as in the feed, though its link uses another form', () => {
    const readings = readFixture(permalinkPt, POST_PAGE);
    expect(readings).toHaveLength(1); // the comment is not a post
    expect(readings[0]).toMatchObject({
      postId: '1098765432109876',
      url: 'https://www.facebook.com/permalink.php?story_fbid=1098765432109876&id=100012345678901',
      counts: { likes: { value: 1200 }, replies: { precision: 'exact', value: 346 }, reposts: { value: 27 } },
    });
    expect(readings[0]!.postId).toBe(byId(readFixture(feedPt, HOME), '1098765432109876').postId);
  });
});

describe('Facebook adapter on recycled and changed markup', () => {
  it('reads a re-rendered feed unit as the post it shows now', () => {
    const doc = parse(feedPt);
    const [first, second] = Array.from(doc.querySelectorAll('[aria-posinset]'));
    expect(facebook.read(first!, { url: new URL(HOME), now: NOW })[0]?.author).toBe('lumenviagens');
    first!.innerHTML = second!.innerHTML;
    const after = facebook.read(first!, { url: new URL(HOME), now: NOW });
    expect(after[0]).toMatchObject({ postId: '1098765432109876', author: '100012345678901' });
    expect(after[0]?.counts.replies).toEqual({ precision: 'exact', value: 345, raw: '345' });
  });

  it('reads nothing, and says why, when the layout is not recognized; nested units are left to the outer one', () => {
    const doc = parse(
      '<html lang="en"><body><div aria-posinset="1"><h2><a href="/someone">Someone</a></h2><p>Hi</p>' +
        '<div role="article"><a href="/someone/posts/1234567890123456">inner</a></div></div></body></html>',
    );
    // The outer unit has an author but no permalink, photo or text to key it by: reported, not dropped.
    const result = facebook.scan(doc, { url: new URL(HOME), now: NOW });
    expect(result).toMatchObject({ readings: [], candidates: 1 });
    expect(result.problems).toEqual([expect.objectContaining({ field: 'id' })]);
  });
});
