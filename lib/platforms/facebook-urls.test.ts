import { describe, expect, it } from 'vitest';
import { canonicalPermalink, handleFromHref } from './facebook-urls';

const HOME = 'https://www.facebook.com/';

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
