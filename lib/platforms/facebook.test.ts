/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import { facebook, reactionBreakdown, reactionTotal, readCounts } from './facebook';
import { canonicalPermalink, handleFromHref } from './facebook-urls';
import feedEn from './fixtures/facebook-feed-en.html?raw';
import feedPt from './fixtures/facebook-feed-pt.html?raw';
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

describe('canonicalPermalink', () => {
  const story = (postId: string, url: string) => ({ postId, url, kind: 'story' });
  const pfbid = 'pfbid02Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS';
  it.each([
    // /<page>/posts/<id>, with the tracking Facebook appends
    [
      'https://www.facebook.com/lumenviagens/posts/1234567890123456?__cft__[0]=AZX&__tn__=%2CO%2CP-R',
      story('1234567890123456', 'https://www.facebook.com/lumenviagens/posts/1234567890123456'),
    ],
    [
      `https://www.facebook.com/lumenviagens/posts/${pfbid}?__cft__[0]=AZX`,
      story(pfbid, `https://www.facebook.com/lumenviagens/posts/${pfbid}`),
    ],
    [
      'https://m.facebook.com/lumenviagens/posts/travel-deals/1234567890123456/',
      story('1234567890123456', 'https://www.facebook.com/lumenviagens/posts/1234567890123456'),
    ],
    // permalink.php and story.php: the same story, comment_id and tracking dropped
    [
      'https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100012345678901&comment_id=99&__tn__=K-R',
      story(
        '1234567890123456',
        'https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100012345678901',
      ),
    ],
    [
      'https://m.facebook.com/story.php?story_fbid=1234567890123456&id=100012345678901&paipv=0&eav=AfY',
      story(
        '1234567890123456',
        'https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100012345678901',
      ),
    ],
    [
      `https://web.facebook.com/permalink.php?story_fbid=${pfbid}&id=100012345678901`,
      story(pfbid, `https://www.facebook.com/permalink.php?story_fbid=${pfbid}&id=100012345678901`),
    ],
    // groups: /posts/, /permalink/ and ?multi_permalinks= are one story
    [
      'https://www.facebook.com/groups/receitasdavo/posts/2233445566778899/?comment_id=5&__cft__[0]=AZ',
      story('2233445566778899', 'https://www.facebook.com/groups/receitasdavo/posts/2233445566778899/'),
    ],
    [
      'https://www.facebook.com/groups/1122334455/permalink/2233445566778899/',
      story('2233445566778899', 'https://www.facebook.com/groups/1122334455/posts/2233445566778899/'),
    ],
    [
      'https://www.facebook.com/groups/receitasdavo/?multi_permalinks=2233445566778899&ref=share',
      story('2233445566778899', 'https://www.facebook.com/groups/receitasdavo/posts/2233445566778899/'),
    ],
    // videos: reel, watch, /<user>/videos/ (with or without a slug) are one video
    [
      'https://www.facebook.com/reel/1357924680135792/?s=ifu_see_all&__cft__[0]=AZ',
      { postId: '1357924680135792', url: 'https://www.facebook.com/watch/?v=1357924680135792', kind: 'video' },
    ],
    [
      'https://www.facebook.com/watch/?v=1357924680135792&ref=sharing',
      { postId: '1357924680135792', url: 'https://www.facebook.com/watch/?v=1357924680135792', kind: 'video' },
    ],
    [
      'https://www.facebook.com/cozinhadamari/videos/1357924680135792/',
      { postId: '1357924680135792', url: 'https://www.facebook.com/watch/?v=1357924680135792', kind: 'video' },
    ],
    [
      'https://www.facebook.com/cozinhadamari/videos/pao-de-queijo/1357924680135792/',
      { postId: '1357924680135792', url: 'https://www.facebook.com/watch/?v=1357924680135792', kind: 'video' },
    ],
    // photos
    [
      'https://www.facebook.com/photo/?fbid=1122334455667788&set=a.998877665544332&__tn__=%3C',
      { postId: '1122334455667788', url: 'https://www.facebook.com/photo/?fbid=1122334455667788', kind: 'photo' },
    ],
    [
      'https://www.facebook.com/photo.php?fbid=1122334455667788&set=pb.1.-2207520000',
      { postId: '1122334455667788', url: 'https://www.facebook.com/photo/?fbid=1122334455667788', kind: 'photo' },
    ],
    [
      'https://www.facebook.com/lumenviagens/photos/a.998877665544332/1122334455667788/',
      { postId: '1122334455667788', url: 'https://www.facebook.com/photo/?fbid=1122334455667788', kind: 'photo' },
    ],
    // relative links resolve against the page
    [
      '/lumenviagens/posts/1234567890123456?__cft__[0]=AZX',
      story('1234567890123456', 'https://www.facebook.com/lumenviagens/posts/1234567890123456'),
    ],
  ])('%s', (href, expected) => {
    expect(canonicalPermalink(href, new URL(HOME))).toEqual(expected);
  });

  it.each([
    'https://www.facebook.com/lumenviagens',
    'https://www.facebook.com/profile.php?id=100012345678901',
    'https://www.facebook.com/hashtag/lisboa',
    'https://www.facebook.com/share/p/1AbCdEfGh/',
    'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com',
    'https://www.facebook.com/groups/receitasdavo/',
    'https://www.facebook.com/permalink.php?id=100012345678901',
    'https://example.com/lumenviagens/posts/1234567890123456',
    '#',
  ])('is not a post: %s', (href) => {
    expect(canonicalPermalink(href, new URL(HOME))).toBeNull();
  });

  it('gives one key to a post reached through different forms, where the address allows it', () => {
    const key = (href: string) => canonicalPermalink(href)?.postId;
    expect(key('https://www.facebook.com/lumenviagens/posts/1234567890123456')).toBe(
      key('https://m.facebook.com/story.php?story_fbid=1234567890123456&id=100012345678901&__tn__=K'),
    );
    expect(key('https://www.facebook.com/reel/1357924680135792')).toBe(
      key('https://www.facebook.com/watch/?v=1357924680135792'),
    );
    // It cannot: a pfbid is an encrypted id, not convertible to the numeric story id.
    expect(key(`https://www.facebook.com/lumenviagens/posts/${pfbid}`)).not.toBe(
      key('https://www.facebook.com/lumenviagens/posts/1234567890123456'),
    );
  });

  it('reads author handles: usernames, and numeric ids where there is no username', () => {
    const base = new URL(HOME);
    expect(handleFromHref('https://www.facebook.com/lumenviagens?__cft__[0]=AZ&__tn__=-UC', base)).toBe('lumenviagens');
    expect(handleFromHref('/profile.php?id=100012345678901&__tn__=-UC', base)).toBe('100012345678901');
    expect(handleFromHref('/people/Grace-Okafor/100034567890123/', base)).toBe('100034567890123');
    expect(handleFromHref('/groups/receitasdavo/user/100023456789012/', base)).toBe('100023456789012');
    expect(handleFromHref('/groups/receitasdavo/', base)).toBeUndefined();
  });
});

describe('Facebook adapter on the 2025–26 feed, Portuguese (facebook-feed-pt.html)', () => {
  const readings = readFixture(feedPt, HOME);

  it('reads each post once by its own permalink, never by a photo thumbnail or a comment’s link', () => {
    expect(readings.map((r) => r.postId)).toEqual([
      'pfbid02Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS',
      '1098765432109876',
      '2233445566778899',
      '1357924680135792',
      '5566778899001122',
    ]);
  });

  it('reads permalink, author, text and the counts inside the action buttons', () => {
    expect(readings[0]).toEqual({
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
      readAt: NOW,
    });
  });

  it('reads Portuguese compact numbers as ranges ("1,2 mil", "2,3 mi"), plain ones as exact', () => {
    expect(byId(readings, '1098765432109876').counts).toEqual({
      likes: { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1,2 mil' },
      replies: { precision: 'exact', value: 345, raw: '345' },
      reposts: { precision: 'exact', value: 27, raw: '27' },
    });
    expect(byId(readings, '1357924680135792').counts).toMatchObject({
      likes: { precision: 'rounded', value: 2_300_000 },
      replies: { precision: 'rounded', value: 4500 },
      reposts: { precision: 'rounded', value: 12_000, min: 11_500, max: 12_500 },
    });
  });

  it('keys group posts and reels by their fbid, with numeric authors where there is no username', () => {
    expect(byId(readings, '2233445566778899')).toMatchObject({
      url: 'https://www.facebook.com/groups/receitasdavo/posts/2233445566778899/',
      author: '100023456789012',
      counts: { likes: { value: 56 }, replies: { precision: 'rounded', value: 1100 }, reposts: { value: 3 } },
    });
    expect(byId(readings, '1357924680135792')).toMatchObject({
      url: 'https://www.facebook.com/watch/?v=1357924680135792',
      author: 'cozinhadamari',
    });
    expect(byId(readings, '1098765432109876').author).toBe('100012345678901');
  });

  it('trap: a post whose time link is not resolved yet (href="#") is not read, and says why', () => {
    const result = facebook.scan(parse(feedPt), { url: new URL(HOME), now: NOW });
    expect(result.candidates).toBe(6);
    expect(result.readings).toHaveLength(5);
    expect(result.problems).toEqual([expect.objectContaining({ field: 'id' })]);
    expect(result.readings.some((r) => r.postId === '2244668800224466')).toBe(false); // its photo thumbnail
  });

  it('trap: flags an ad as promoted only by its call-to-action button', () => {
    expect(readings.filter((r) => r.promoted).map((r) => r.postId)).toEqual(['5566778899001122']);
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
  const readings = readFixture(feedEn, RECENT);

  it('trap: "You and 12 others" is 13 estimated; comments and shares come from the summary row', () => {
    expect(byId(readings, '1234567890123456').counts).toEqual({
      likes: { precision: 'estimated', value: 13, min: 13, max: 14, raw: 'You and 12 others' },
      replies: { precision: 'exact', value: 45, raw: '45' },
      reposts: { precision: 'exact', value: 3, raw: '3' },
    });
  });

  it('keys a shared post by the sharer’s story, not the original inside it', () => {
    expect(readings.map((r) => r.postId)).toEqual([
      '1234567890123456',
      'pfbid0Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk1Ll2Mm3Nn4Oo5',
      '2468013579246801',
      '3344556677889900',
      '5566778899001133',
    ]);
    expect(readings[1]).toMatchObject({
      author: 'ana.souza.52',
      text: "Booked! Who's coming?",
      counts: { likes: { value: 8 }, replies: { value: 2 }, reposts: { value: 1 } },
    });
  });

  it('leaves a lone count beside both a comment and a share button unknown instead of guessing', () => {
    expect(byId(readings, '2468013579246801').counts).toEqual({
      likes: { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1.2K' },
    });
    // With only a comment button, the one count is the comments.
    expect(byId(readings, '3344556677889900')).toMatchObject({
      url: 'https://www.facebook.com/groups/northsideneighbours/posts/3344556677889900/',
      author: '100034567890123',
      counts: { likes: { precision: 'exact', value: 21 }, replies: { precision: 'exact', value: 4 } },
    });
  });

  it('reads reaction sentences in other languages by their number, not their words', () => {
    expect(reactionTotal('Você e outras 12 pessoas', 'pt')).toMatchObject({ precision: 'estimated', value: 13 });
    expect(reactionTotal('Ana Souza, Bruno Lima e outras 1,2 mil pessoas', 'pt')).toMatchObject({
      precision: 'estimated',
      value: 1201,
      min: 1151,
      max: 1252,
    });
    expect(reactionTotal('19', 'pt')).toEqual({ precision: 'exact', value: 19, raw: '19' });
    expect(reactionTotal('1.234', 'pt')).toMatchObject({ precision: 'exact', value: 1234 });
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

  it('still reads the comment count of a post nobody reacted to (no number beside Like)', () => {
    const post = parse(feedPt).querySelector('[aria-posinset="1"]')!;
    post.querySelector('[aria-label="Curtir"] span[dir="auto"]')!.remove();
    post.querySelector('[role="toolbar"]')!.remove();
    expect(readCounts(post, { locale: 'pt', problem: () => undefined })).toEqual({
      replies: { precision: 'exact', value: 9, raw: '9' },
    });
  });

  it('reports a count it cannot read instead of inventing one', () => {
    const doc = parse(feedPt);
    const post = doc.querySelector('[aria-posinset="1"]')!;
    post
      .querySelector('[data-ad-rendering-role="comment_button"]')!
      .closest('[role="button"]')!
      .querySelector('span[dir="auto"]')!.textContent = '9.5';
    const problems: unknown[] = [];
    const counts = readCounts(post, { locale: 'pt', problem: (p) => problems.push(p) });
    expect(counts.replies).toBeUndefined();
    expect(counts.likes).toMatchObject({ value: 19 });
    expect(problems).toEqual([expect.objectContaining({ field: 'replies', raw: '9.5' })]);
  });

  it('reads nothing, and says why, when the layout is not recognized; nested units are left to the outer one', () => {
    const doc = parse(
      '<html lang="en"><body><div aria-posinset="1"><h2><a href="/someone">Someone</a></h2><p>Hi</p>' +
        '<div role="article"><a href="/someone/posts/1234567890123456">inner</a></div></div></body></html>',
    );
    const result = facebook.scan(doc, { url: new URL(HOME), now: NOW });
    expect(result).toMatchObject({ readings: [], candidates: 2 });
    expect(result.problems).toEqual([expect.objectContaining({ field: 'id' })]);
  });
});
