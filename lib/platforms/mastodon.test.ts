/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import homeEn from './fixtures/mastodon-home-en.html?raw';
import legacyDe from './fixtures/mastodon-legacy-de.html?raw';
import profileJa from './fixtures/mastodon-profile-ja.html?raw';
import statusFr from './fixtures/mastodon-status-fr.html?raw';
import { mastodon } from './mastodon';
import { acctAuthor, profileAuthor, statusUrl } from './mastodon-urls';

const NOW = Date.parse('2024-11-22T12:00:00Z');
const HOME = 'https://mastodon.social/home';
const STATUS = 'https://mastodon.social/@camille/113200000000000001';
const TROET = 'https://troet.example/web/timelines/home';
const HANA = 'https://social.example/@hana';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const read = (html: string, url: string) => mastodon.read(parse(html), { url: new URL(url), now: NOW });
const scan = (root: ParentNode, url: string) => mastodon.scan(root, { url: new URL(url), now: NOW });

function byId(readings: PostReading[], id: string): PostReading {
  const found = readings.find((r) => r.postId === id);
  if (!found) throw new Error(`post ${id} was not read (read: ${readings.map((r) => r.postId).join(', ')})`);
  return found;
}

describe('Mastodon adapter on the 4.x home timeline (mastodon.social)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => read(homeEn, HOME);

  it('reads every post once: not the quoted post, not the emptied off-screen article', () => {
    expect(readings().map((r) => r.postId)).toEqual([
      'https://mastodon.social/@ada/113100000000000001',
      'https://mastodon.social/@linus@fosstodon.example/113100000000000002',
      'https://mastodon.social/@hedy@chaos.example/113100000000000003',
      'https://mastodon.social/@ada/113100000000000004',
      'https://mastodon.social/@margaret/113100000000000006',
    ]);
    expect(scan(parse(homeEn), HOME)).toMatchObject({ candidates: 5, problems: [] });
  });

  it('reads key, permalink, author with its server, time, text, and the reply count it shows', () => {
    expect(byId(readings(), 'https://mastodon.social/@ada/113100000000000001')).toEqual({
      platform: 'mastodon',
      postId: 'https://mastodon.social/@ada/113100000000000001',
      url: 'https://mastodon.social/@ada/113100000000000001',
      author: 'ada@mastodon.social',
      postedAt: Date.parse('2024-11-19T20:15:00.000Z'),
      text: 'The engine does not originate anything; it does what we know how to order it to perform.',
      counts: { replies: { precision: 'exact', value: 8, raw: '8' } },
      readAt: NOW,
    });
  });

  it('reads no count from a trending hashtag ("873 people in the past 2 days")', () => {
    const values = readings().flatMap((r) => Object.values(r.counts).map((c) => ('value' in c ? c.value : null)));
    expect(values).not.toContain(873);
  });

  it('leaves boosts and favourites absent (not 0) where the timeline shows no counter', () => {
    const ada = byId(readings(), 'https://mastodon.social/@ada/113100000000000001');
    expect(ada.counts.reposts).toBeUndefined();
    expect(ada.counts.likes).toBeUndefined();
    expect('reposts' in ada.counts || 'likes' in ada.counts).toBe(false);
  });

  it('credits a boosted post to its author, not the booster, and reads a shown 0 as 0', () => {
    const boosted = byId(readings(), 'https://mastodon.social/@linus@fosstodon.example/113100000000000002');
    expect(boosted.author).toBe('linus@fosstodon.example');
    expect(boosted.counts).toEqual({ replies: { precision: 'exact', value: 0, raw: '0' } });
  });

  it('reads boost and favourite counters where the server shows them, "1.2K" as a range', () => {
    expect(byId(readings(), 'https://mastodon.social/@hedy@chaos.example/113100000000000003').counts).toEqual({
      replies: { precision: 'exact', value: 12, raw: '12' },
      reposts: { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1.2K' },
      likes: { precision: 'exact', value: 340, raw: '340' },
    });
  });

  it("keeps a quoted post's author, time and text out of the quoting post", () => {
    const quoting = byId(readings(), 'https://mastodon.social/@ada/113100000000000004');
    expect(quoting).toMatchObject({
      author: 'ada@mastodon.social',
      postedAt: Date.parse('2024-11-20T07:30:00.000Z'),
      text: 'Still true a century later.',
      counts: { replies: { value: 3 } },
    });
  });

  it('reads a counter rendered with reduced motion (no AnimatedNumber)', () => {
    expect(byId(readings(), 'https://mastodon.social/@margaret/113100000000000006').counts).toEqual({
      replies: { precision: 'exact', value: 5, raw: '5' },
    });
  });
});

describe('Mastodon adapter on a 4.4+ thread page in French', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => read(statusFr, STATUS);

  it('reads the page\'s post from the detailed view: boosts "1,2 K", quotes and favourites', () => {
    expect(byId(readings(), STATUS)).toEqual({
      platform: 'mastodon',
      postId: STATUS,
      url: STATUS,
      author: 'camille@mastodon.social',
      postedAt: Date.parse('2024-11-20T09:30:00.000Z'),
      text: 'Qui veut relire mon article sur les tisserands lyonnais et les cartes perforées ?',
      counts: {
        reposts: { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1,2 K' },
        quotes: { precision: 'exact', value: 3, raw: '3' },
        likes: { precision: 'exact', value: 56, raw: '56' },
      },
      readAt: NOW,
    });
  });

  it('reads the ancestor and the replies around it', () => {
    expect(readings().map((r) => r.postId)).toEqual([
      'https://mastodon.social/@ada/113100000000000001',
      STATUS,
      'https://mastodon.social/@lucie@piaille.example/113200000000000050',
      'https://mastodon.social/@jules/113200000000000061',
    ]);
    const lucie = byId(readings(), 'https://mastodon.social/@lucie@piaille.example/113200000000000050');
    expect(lucie).toMatchObject({ author: 'lucie@piaille.example', text: '@camille Avec plaisir !' });
    expect(lucie.counts).toEqual({ replies: { precision: 'exact', value: 0, raw: '0' } });
    expect(byId(readings(), 'https://mastodon.social/@jules/113200000000000061').counts.replies).toMatchObject({
      value: 2,
    });
  });
});

describe('Mastodon adapter on an older (3.x) server in German', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => read(legacyDe, TROET);

  it('reads an obfuscated "1+" reply count as at least one, not as 1', () => {
    const ada = byId(readings(), 'https://mastodon.social/@ada/113100000000000001');
    expect(ada.counts.replies).toEqual({
      precision: 'estimated',
      value: 1,
      min: 1,
      max: Number.MAX_SAFE_INTEGER,
      raw: '1+',
    });
  });

  it('reads German compact counts with the translation\'s units ("1,2K", "3,4M")', () => {
    expect(byId(readings(), 'https://raumfahrt.example/@weltraum/112000000000000007')).toMatchObject({
      author: 'weltraum@raumfahrt.example',
      counts: {
        replies: { precision: 'estimated', value: 1 },
        reposts: { precision: 'rounded', value: 1200, min: 1150, max: 1250 },
        likes: { precision: 'rounded', value: 3_400_000, min: 3_350_000, max: 3_450_000 },
      },
    });
  });

  it('adds the server to local accounts and keeps other software’s addresses as they are', () => {
    expect(byId(readings(), 'https://troet.example/@jonas/109900000000000200')).toMatchObject({
      author: 'jonas@troet.example',
      postedAt: Date.parse('2024-11-17T07:00:00.000Z'),
      counts: { replies: { precision: 'exact', value: 0 } },
    });
    expect(byId(readings(), 'https://pleroma.example/notice/AbCdEf123')).toMatchObject({
      author: 'mia@pleroma.example',
      text: 'Hallo Fediverse!',
      counts: { replies: { value: 1 } },
    });
  });
});

describe('Mastodon traps', () => {
  it('keys a post by its address, so the same post seen on two servers is one post', () => {
    const onItsServer = byId(read(homeEn, HOME), 'https://mastodon.social/@ada/113100000000000001');
    const fromThreadPage = byId(read(statusFr, STATUS), 'https://mastodon.social/@ada/113100000000000001');
    // troet.example knows this post as its local id 109900000000000123, and links it to its origin.
    const elsewhere = byId(read(legacyDe, TROET), 'https://mastodon.social/@ada/113100000000000001');
    expect(new Set([onItsServer.postId, fromThreadPage.postId, elsewhere.postId]).size).toBe(1);
    expect(elsewhere.author).toBe(onItsServer.author);
    expect(elsewhere.postedAt).toBe(onItsServer.postedAt);
    expect(read(legacyDe, TROET).some((r) => r.postId.includes('109900000000000123'))).toBe(false);
  });

  it('never keys by the local id: two servers that give two posts the same id keep them apart', () => {
    // Mastodon 4.x links a remote post to the server's own copy; the id in it is that server's.
    const post = (href: string) =>
      parse(
        `<html lang="en"><body><div class="status" data-id="114000000000000555"><div class="status__info"><a class="status__display-name" title="@ada@mastodon.social" href="/@ada@mastodon.social"></a><a class="status__relative-time" href="${href}"><time datetime="2024-11-19T20:15:00.000Z">x</time></a></div><div class="status__action-bar"><button><svg class="icon icon-reply"></svg><span class="icon-button__counter"><span class="animated-number"><span>8</span></span></span></button></div></div></body></html>`,
      );
    const a = scan(post('/@ada@mastodon.social/114000000000000555'), 'https://piaille.example/home').readings[0]!;
    const b = scan(post('/@bob/114000000000000555'), 'https://other.example/home').readings[0]!;
    expect(a.postId).toBe('https://piaille.example/@ada@mastodon.social/114000000000000555');
    expect(a.author).toBe('ada@mastodon.social');
    expect(b.postId).toBe('https://other.example/@bob/114000000000000555');
    expect(a.postId).not.toBe(b.postId);
  });

  it('skips a counter while AnimatedNumber shows its old and new value, and reads it once settled', () => {
    const doc = parse(homeEn);
    const status = doc.querySelector('div.status')!;
    const animated = status.querySelector('.status__action-bar .animated-number')!;
    // The reply count goes from 8 to 9: for a few frames both spans are there ("89" as text).
    animated.insertAdjacentHTML('afterbegin', '<span style="position: static; transform: translateY(-40%);">9</span>');
    expect(animated.textContent).toBe('98');
    const during = scan(status, HOME);
    expect(during.problems).toEqual([]);
    expect(during.readings[0]!.counts.replies).toBeUndefined();
    expect(during.readings[0]).toMatchObject({ postId: 'https://mastodon.social/@ada/113100000000000001' });

    animated.lastElementChild!.remove();
    expect(scan(status, HOME).readings[0]!.counts.replies).toEqual({ precision: 'exact', value: 9, raw: '9' });
  });

  it('invents nothing on a server that hides counts', () => {
    const result = scan(parse(profileJa), HANA);
    expect(result.problems).toEqual([]);
    expect(result.readings.map((r) => [r.postId, r.author, r.counts])).toEqual([
      ['https://social.example/@hana/113300000000000001', 'hana@social.example', {}],
      ['https://social.example/@taro@mstdn.example/113300000000000002', 'taro@mstdn.example', {}],
    ]);
    expect(result.readings[0]!.text).toBe('今朝の鴨川。');
  });

  it('reports a counter it cannot read, and stores no number for it', () => {
    const doc = parse(homeEn);
    const status = doc.querySelectorAll('div.status')[2]!; // hedy, with all three counters
    status.querySelector('.star-icon .animated-number > span')!.textContent = '3,4 bazillion';
    const result = scan(status, HOME);
    expect(result.readings[0]!.counts.likes).toBeUndefined();
    expect(result.readings[0]!.counts.replies).toBeDefined();
    expect(result.problems).toEqual([{ field: 'likes', selector: '.icon-button__counter', raw: '3,4 bazillion' }]);
  });
});

describe('Mastodon adapter on recycled and changed markup', () => {
  it('reads a reused element as the post it shows now', () => {
    const doc = parse(homeEn);
    const status = doc.querySelector('div.status')!;
    expect(scan(status, HOME).readings[0]!.postId).toBe('https://mastodon.social/@ada/113100000000000001');
    status.innerHTML = doc.querySelectorAll('div.status')[2]!.innerHTML;
    status.setAttribute('data-id', '113100000000000003');
    expect(scan(status, HOME).readings[0]).toMatchObject({
      postId: 'https://mastodon.social/@hedy@chaos.example/113100000000000003',
      author: 'hedy@chaos.example',
      counts: { likes: { value: 340 } },
    });
  });

  it('reads nothing, and says why, when the layout is not recognized', () => {
    const doc = parse(
      '<html lang="en"><body><div class="status" data-id="1"><p>a</p></div><div class="status" data-id="2"><a class="status__relative-time" href="javascript:void(0)">x</a></div><div class="detailed-status"><p>c</p></div></body></html>',
    );
    const result = scan(doc, HOME);
    expect(result.readings).toEqual([]);
    expect(result.candidates).toBe(3);
    expect(result.problems.map((p) => p.field)).toEqual(['id', 'id', 'id']);
  });

  it('reports a post whose action bar is gone instead of reading its counts as missing', () => {
    const doc = parse(homeEn);
    const status = doc.querySelector('div.status')!;
    status.querySelector('.status__action-bar')!.remove();
    const result = scan(status, HOME);
    expect(result.readings[0]!.counts).toEqual({});
    expect(result.problems).toEqual([{ field: 'replies', selector: '.status__action-bar' }]);
  });
});

describe('Mastodon addresses and accounts', () => {
  const base = new URL('https://mastodon.social/home');
  it('makes status links canonical', () => {
    expect(statusUrl('/@ada/1', base)).toBe('https://mastodon.social/@ada/1');
    expect(statusUrl('/deck/@ada@x.example/2?foo=1#top', base)).toBe('https://mastodon.social/@ada@x.example/2');
    expect(statusUrl('https://misskey.example/notes/9abc', base)).toBe('https://misskey.example/notes/9abc');
    expect(statusUrl('http://old.example/@a/1', base)).toBeNull();
    expect(statusUrl('/@ada', base)).toBeNull();
    expect(statusUrl('', base)).toBeNull();
  });

  it('gives every author a server', () => {
    expect(acctAuthor('@ada', 'mastodon.social')).toBe('ada@mastodon.social');
    expect(acctAuthor('ada@Hachyderm.IO', 'mastodon.social')).toBe('ada@hachyderm.io');
    expect(acctAuthor('not an acct', 'mastodon.social')).toBeNull();
    expect(profileAuthor('https://sfba.example/@pedram', base)).toBe('pedram@sfba.example');
    expect(profileAuthor('/@pedram@sfba.example', base)).toBe('pedram@sfba.example');
    expect(profileAuthor('https://pleroma.example/users/mia', base)).toBeNull();
  });
});
