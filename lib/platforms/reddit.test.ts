/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import homeFeed from './fixtures/reddit-home-feed.html?raw';
import oldCommentsFr from './fixtures/reddit-old-comments-fr.html?raw';
import oldListing from './fixtures/reddit-old-listing.html?raw';
import postDe from './fixtures/reddit-post-de.html?raw';
import redesignPost from './fixtures/reddit-redesign-post.html?raw';
import { reddit } from './reddit';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const HOME = 'https://www.reddit.com/';
const OLD = 'https://old.reddit.com/r/programming/';
const OLD_FR = 'https://old.reddit.com/r/france/comments/3r5xq2/la_meilleure_boulangerie_de_lyon/';
const POST_DE = 'https://www.reddit.com/r/de/comments/1u3k9zq/welches_brot_backt_ihr_am_wochenende/';
const REDESIGN = 'https://new.reddit.com/r/Showerthoughts/comments/1qz8v2k/every_stapler_is_a_tiny_bookbinder/';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function readFixture(html: string, url: string): PostReading[] {
  return reddit.read(parse(html), { url: new URL(url), now: NOW });
}

function byId(readings: PostReading[], id: string): PostReading {
  const found = readings.find((r) => r.postId === id);
  if (!found) throw new Error(`post ${id} was not read`);
  return found;
}

describe('Reddit adapter on the new Reddit home feed', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(homeFeed, HOME);

  it('reads every post of the feed once, keyed by its t3_ fullname', () => {
    expect(readings().map((r) => r.postId)).toEqual(['t3_1u50qw7', 't3_1u4zk2m', 't3_1u3xy9b', 't3_1u51ad1']);
  });

  it('reads id, canonical permalink, author, time, title and exact counts from the post element', () => {
    expect(byId(readings(), 't3_1u50qw7')).toEqual({
      platform: 'reddit',
      postId: 't3_1u50qw7',
      url: 'https://www.reddit.com/r/AskHistorians/comments/1u50qw7/what_did_medieval_scribes_use_to_erase_mistakes/',
      author: 'quill_and_ink',
      // created-timestamp="2026-06-14T09:12:45.123000+0000": microseconds and a colon-less offset
      postedAt: Date.parse('2026-06-14T09:12:45.123Z'),
      text: 'What did medieval scribes use to erase mistakes on parchment?',
      counts: {
        likes: { precision: 'exact', value: 1234, raw: '1234' },
        replies: { precision: 'exact', value: 56, raw: '56' },
      },
      readAt: NOW,
    });
  });

  it('stores the net score as likes, negative when a post has more down- than upvotes', () => {
    expect(byId(readings(), 't3_1u4zk2m').counts.likes).toEqual({ precision: 'exact', value: -17, raw: '-17' });
  });

  it('keeps exact counts where the buttons only show "99K" and "4.3K"', () => {
    expect(byId(readings(), 't3_1u3xy9b').counts).toEqual({
      likes: { precision: 'exact', value: 98765, raw: '98765' },
      replies: { precision: 'exact', value: 4321, raw: '4321' },
    });
  });

  it('flags the promoted post, with its profile permalink and a shown zero comment count', () => {
    const ad = byId(readings(), 't3_1u51ad1');
    expect(ad).toMatchObject({
      promoted: true,
      author: 'acme_cloud',
      url: 'https://www.reddit.com/user/acme_cloud/comments/1u51ad1/deploy_in_seconds_not_hours/',
    });
    expect(ad.counts.replies).toEqual({ precision: 'exact', value: 0, raw: '0' });
    expect(readings().filter((r) => r.promoted)).toHaveLength(1);
  });

  it('never invents view, repost or bookmark counts: Reddit has none', () => {
    for (const reading of readings()) expect(Object.keys(reading.counts).sort()).toEqual(['likes', 'replies']);
  });

  it("reads no community's members or people online as a post's count", () => {
    const values = readings().flatMap((r) => Object.values(r.counts).map((c) => ('value' in c ? c.value : null)));
    expect(values).not.toContain(2_100_000);
    expect(values).not.toContain(4_300);
  });
});

describe('Reddit adapter on a new Reddit post page in German', () => {
  it('reads the post and leaves its comments (shreddit-comment) alone', () => {
    const result = reddit.scan(parse(postDe), { url: new URL(POST_DE), now: NOW });
    expect(result.candidates).toBe(1);
    expect(result.problems).toEqual([]);
    expect(result.readings).toHaveLength(1);
    expect(result.readings[0]).toMatchObject({
      postId: 't3_1u3k9zq',
      url: POST_DE,
      author: 'Brotbaeckerin_Jule',
      postedAt: Date.parse('2026-06-13T18:30:00Z'),
      text: 'Welches Brot backt ihr am Wochenende?',
      counts: { likes: { value: 2345 }, replies: { value: 3 } },
    });
  });
});

describe('Reddit adapter on old Reddit', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(oldListing, OLD);

  it('reads each post with the same id and www permalink new Reddit uses', () => {
    expect(readings().map((r) => r.postId)).toEqual([
      't3_1u60a1b',
      't3_1u60c3d',
      't3_1u60e5f',
      't3_1u60g7h',
      't3_1u60i9j',
    ]);
    expect(byId(readings(), 't3_1u60a1b')).toEqual({
      platform: 'reddit',
      postId: 't3_1u60a1b',
      url: 'https://www.reddit.com/r/programming/comments/1u60a1b/why_we_rewrote_our_build_system_in_a_weekend/',
      author: 'yak_shaver_9000',
      postedAt: Date.parse('2026-06-15T08:00:00Z'), // data-timestamp="1781510400000"
      text: 'Why we rewrote our build system in a weekend (and regretted it)',
      counts: {
        likes: { precision: 'exact', value: 126, raw: '126' },
        replies: { precision: 'exact', value: 7, raw: '7' },
      },
      readAt: NOW,
    });
  });

  it('reads a score Reddit still hides ("•") as hidden, not as the placeholder data-score="1"', () => {
    const young = byId(readings(), 't3_1u60c3d');
    expect(young.counts.likes).toEqual({ precision: 'hidden', raw: '•' });
    // …and "comment" without a number is old Reddit's way of showing none yet.
    expect(young.counts.replies).toMatchObject({ precision: 'exact', value: 0 });
  });

  it('keeps a negative net score negative', () => {
    expect(byId(readings(), 't3_1u60e5f').counts.likes).toEqual({ precision: 'exact', value: -8, raw: '-8' });
  });

  it('reads the exact score behind "12.3k"', () => {
    expect(byId(readings(), 't3_1u60g7h').counts).toMatchObject({
      likes: { precision: 'exact', value: 12345 },
      replies: { precision: 'exact', value: 1024 },
    });
  });

  it('flags the promoted post and only that one', () => {
    expect(
      readings()
        .filter((r) => r.promoted)
        .map((r) => r.postId),
    ).toEqual(['t3_1u60i9j']);
    expect(byId(readings(), 't3_1u60i9j').url).toBe(
      'https://www.reddit.com/user/acme_cloud/comments/1u60i9j/deploy_in_seconds_not_hours/',
    );
  });

  it('keys the same post alike on old and new Reddit', () => {
    const fromOld = byId(readings(), 't3_1u60e5f');
    const shreddit = parse(
      `<html lang="en"><body><shreddit-post id="t3_1u60e5f" permalink="/r/programming/comments/1u60e5f/tabs_are_objectively_better_than_spaces/" score="-6" comment-count="44" author="tabs_forever"></shreddit-post></body></html>`,
    );
    const [fromNew] = reddit.read(shreddit, { url: new URL('https://sh.reddit.com/r/programming/'), now: NOW });
    expect(fromNew).toMatchObject({ postId: fromOld.postId, url: fromOld.url, counts: { likes: { value: -6 } } });
  });
});

describe('Reddit adapter on the 2015 old Reddit markup (French UI)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const result = () => reddit.scan(parse(oldCommentsFr), { url: new URL(OLD_FR), now: NOW });

  it('reads the post only: not its comments (t1_), not the sidebar’s recently viewed links', () => {
    expect(result().candidates).toBe(1);
    expect(result().readings.map((r) => r.postId)).toEqual(['t3_3r5xq2']);
  });

  it('reads the score the vote column shows (the reader upvoted it) and "3 commentaires"', () => {
    expect(result().readings[0]).toMatchObject({
      url: 'https://www.reddit.com/r/france/comments/3r5xq2/la_meilleure_boulangerie_de_lyon/',
      author: 'croissant_matinal',
      postedAt: Date.parse('2015-11-02T09:14:05Z'),
      text: 'La meilleure boulangerie de Lyon ?',
      counts: {
        likes: { precision: 'exact', value: 413 },
        replies: { precision: 'exact', value: 3 },
      },
    });
    expect(result().problems).toEqual([]);
  });
});

describe('Reddit adapter on changed and unrecognised markup', () => {
  it('re-reads a post whose score attribute Reddit updated, and a recycled element as its new post', () => {
    const doc = parse(homeFeed);
    const post = doc.querySelector('shreddit-post')!;
    post.setAttribute('score', '1300');
    expect(reddit.read(post, { url: new URL(HOME), now: NOW })[0]?.counts.likes).toMatchObject({ value: 1300 });

    const other = doc.querySelectorAll('shreddit-post')[2]!;
    for (const name of ['id', 'permalink', 'score', 'comment-count', 'author', 'post-title', 'created-timestamp']) {
      post.setAttribute(name, other.getAttribute(name)!);
    }
    expect(reddit.read(post, { url: new URL(HOME), now: NOW })[0]).toMatchObject({
      postId: 't3_1u3xy9b',
      author: 'dob_at_dusk',
      counts: { likes: { value: 98765 }, replies: { value: 4321 } },
    });
  });

  it('falls back to a light-DOM faceplate-number when the post carries no score attribute', () => {
    const doc = parse(
      `<html lang="en"><body><shreddit-post id="t3_abc123" permalink="/r/test/comments/abc123/x/">
        <div data-testid="action-row"><span data-post-click-location="vote"><faceplate-number pretty="" number="4567">4.6K</faceplate-number></span>
        <a data-post-click-location="comments-button" href="/r/test/comments/abc123/x/"><faceplate-number pretty="" number="89">89</faceplate-number></a></div>
      </shreddit-post></body></html>`,
    );
    const result = reddit.scan(doc, { url: new URL(HOME), now: NOW });
    expect(result.readings[0]?.counts).toEqual({
      likes: { precision: 'exact', value: 4567, raw: '4567' },
      replies: { precision: 'exact', value: 89, raw: '89' },
    });
    expect(result.problems).toEqual([]);
  });

  it('reports counts it cannot read instead of storing 0', () => {
    const doc = parse(oldListing);
    const thing = doc.querySelector('div.thing')!;
    thing.removeAttribute('data-score');
    thing.removeAttribute('data-comments-count');
    for (const score of thing.querySelectorAll('.score')) {
      score.removeAttribute('title');
      score.textContent = 'n/a 1';
    }
    thing.querySelector('a.comments')!.remove();
    const result = reddit.scan(thing, { url: new URL(OLD), now: NOW });
    expect(result.readings[0]?.counts).toEqual({});
    expect(result.problems.map((p) => p.field).sort()).toEqual(['likes', 'replies']);
  });

  it('reads nothing, and says why, from a post element without an id or permalink', () => {
    const doc = parse(
      '<html lang="en"><body><shreddit-post score="5" comment-count="1"></shreddit-post></body></html>',
    );
    const result = reddit.scan(doc, { url: new URL(HOME), now: NOW });
    expect(result).toMatchObject({ readings: [], candidates: 1, problems: [{ field: 'id' }] });
  });
});

describe('Reddit adapter on the 2018–2023 redesign (new.reddit.com)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const result = () => reddit.scan(parse(redesignPost), { url: new URL(REDESIGN), now: NOW });
  const readings = () => result().readings;

  it('reads the post and the posts beside it; the ad unit is not a post, and nothing is a problem', () => {
    expect(readings().map((r) => r.postId)).toEqual([
      't3_1qz8v2k',
      't3_1r0ad9x',
      't3_1qyk2mm',
      't3_1qxa7pp',
      't3_1qw3nn4',
    ]);
    expect(result().candidates).toBe(5);
    expect(result().problems).toEqual([]);
  });

  it('reads the shown score and comment count as the ranges "12.4k" and "1.3k" stand for', () => {
    expect(readings()[0]).toEqual({
      platform: 'reddit',
      postId: 't3_1qz8v2k',
      url: 'https://www.reddit.com/r/Showerthoughts/comments/1qz8v2k/every_stapler_is_a_tiny_bookbinder/',
      author: 'staple_sage',
      text: 'Every stapler is a tiny bookbinder that never got the credit.',
      counts: {
        likes: { precision: 'rounded', value: 12_400, min: 12_350, max: 12_450, raw: '12.4k' },
        replies: { precision: 'rounded', value: 1_300, min: 1_250, max: 1_350, raw: '1.3k' },
      },
    });
  });

  it('reads no award, no "91% Upvoted", no members or people online as a count', () => {
    const values = readings().flatMap((r) =>
      Object.values(r.counts).map((c) => ('value' in c ? c.value : c.precision)),
    );
    for (const notACount of [3, 91, 2_100_000, 4_300]) expect(values).not.toContain(notACount);
  });

  it('flags the promoted post, keeps a hidden score hidden and a negative one negative', () => {
    expect(readings()[1]).toMatchObject({ promoted: true, author: 'planwell_app', counts: { likes: { value: 58 } } });
    expect(readings()[1]!.counts.replies).toEqual({ precision: 'exact', value: 0, raw: '0' });
    expect(readings().filter((r) => r.promoted)).toHaveLength(1);
    expect(readings()[2]!.url).toBe(
      'https://www.reddit.com/r/Showerthoughts/comments/1qyk2mm/clocks_are_just_countdowns/',
    );
    expect(readings()[2]!.counts).toEqual({
      likes: { precision: 'hidden', raw: '•' },
      replies: { precision: 'exact', value: 12, raw: '12' },
    });
    expect(readings()[4]!.counts).toEqual({
      likes: { precision: 'exact', value: -3, raw: '-3' },
      replies: { precision: 'exact', value: 2_345, raw: '2,345' },
    });
  });

  it('stores no count where the post shows words instead of numbers ("Vote", "Comment"): unknown, not 0', () => {
    expect(readings()[3]!.counts).toEqual({});
  });
});

describe('Reddit quick print (what lets the reader skip a post it has read)', () => {
  const posts = (html: string) => [...parse(html).querySelectorAll(reddit.postSelector)];
  const readAlone = (post: Element) => {
    const doc = parse('<html><body></body></html>');
    doc.body.append(doc.importNode(post, true));
    return reddit.read(doc, { url: new URL(HOME), now: NOW });
  };

  it('is given for new Reddit posts with plain counts, and not where counts come from the markup', () => {
    const prints = posts(homeFeed).map((post) => reddit.quickPrint!(post));
    expect(prints.every((p) => p !== null)).toBe(true);
    expect(new Set(prints).size).toBe(4); // one per post
    // No score attribute (the count is then read from the buttons), a score that is not a number.
    const unscored = posts(homeFeed)[0]!.cloneNode(true) as Element;
    unscored.removeAttribute('score');
    const hidden = posts(homeFeed)[0]!.cloneNode(true) as Element;
    hidden.setAttribute('comment-count', '•');
    expect([unscored, hidden].map((post) => reddit.quickPrint!(post))).toEqual([null, null]);
    for (const older of [...posts(oldListing), ...posts(redesignPost)]) expect(reddit.quickPrint!(older)).toBeNull();
  });

  it('stands for the whole reading: a post stripped of its markup reads the same', () => {
    for (const post of posts(homeFeed).filter((p) => reddit.quickPrint!(p) !== null)) {
      const stripped = post.cloneNode(false) as Element;
      expect(readAlone(stripped)).toEqual(readAlone(post));
    }
  });

  it('changes with every attribute a reading comes from', () => {
    const post = posts(homeFeed)[0]!;
    const before = reddit.quickPrint!(post);
    for (const [name, value] of [
      ['score', '1235'],
      ['comment-count', '57'],
      ['post-title', 'Edited title'],
      ['author', 'someone_else'],
      ['created-timestamp', '2026-06-14T09:12:46.000000+0000'],
      ['is-promoted', 'true'],
      ['permalink', '/r/AskHistorians/comments/1u50qw7/other_slug/'],
    ] as const) {
      const copy = post.cloneNode(true) as Element;
      copy.setAttribute(name, value);
      expect(reddit.quickPrint!(copy), name).not.toBe(before);
    }
  });
});
