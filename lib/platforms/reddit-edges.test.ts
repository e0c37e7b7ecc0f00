/** @vitest-environment happy-dom */
// Reddit posts with parts missing or in their less common forms: each field read from where it
// is, its fallback used only when it is not, and nothing stored that the page does not show.
import { describe, expect, it } from 'vitest';
import { page } from './fixtures/markup';
import { reddit } from './reddit';

const HOME = { url: new URL('https://www.reddit.com/'), now: Date.parse('2026-06-15T12:00:00Z') };
const scan = (body: string, lang = 'en') => reddit.scan(page(lang, body), HOME);
const first = (body: string) => scan(body).readings[0]!;

const PERMALINK = '/r/x/comments/abc123/title/';
/** A 2015-style old Reddit entry; `attrs` go on the thing, `column` and `entry` inside it. */
const oldThing = (attrs: string, column: string, entry: string) =>
  `<div class="thing link" data-fullname="t3_abc123" ${attrs}>${column}<div class="entry">${entry}</div></div>`;
const comments = (text: string) => `<a class="comments" href="${PERMALINK}">${text}</a>`;

describe('new Reddit (shreddit) posts', () => {
  it('reads the created-timestamp in its microsecond, colon-less form and in plain ISO', () => {
    const at = (stamp: string) =>
      first(`<shreddit-post id="t3_abc123" created-timestamp="${stamp}"></shreddit-post>`).postedAt;
    expect(at('2026-06-12T22:27:28.996000+0000')).toBe(Date.parse('2026-06-12T22:27:28.996Z'));
    expect(at('2026-06-12T22:27:28.5+0530')).toBe(Date.parse('2026-06-12T22:27:28.500+05:30'));
    expect(at('2026-06-12T22:27:28Z')).toBe(Date.parse('2026-06-12T22:27:28Z'));
    expect(at('2026-06-12T22:27:28-03:00')).toBe(Date.parse('2026-06-12T22:27:28-03:00'));
    expect(at('2026-06-12')).toBe(Date.parse('2026-06-12'));
  });

  it('takes a negative score from the light-DOM vote counter when the post has no score attribute', () => {
    const post = `<shreddit-post id="t3_abc123" permalink="${PERMALINK}"><div data-post-click-location="vote"><faceplate-number number="-5"></faceplate-number></div>
      <a data-post-click-location="comments-button"><faceplate-number number="3"></faceplate-number></a></shreddit-post>`;
    expect(first(post).counts).toEqual({
      likes: { precision: 'exact', value: -5, raw: '-5' },
      replies: { precision: 'exact', value: 3, raw: '3' },
    });
  });

  it('stores nothing, and names both places it looked, for a post without counts', () => {
    const result = scan('<shreddit-post id="t3_abc123" author="[deleted]"></shreddit-post>');
    const reading = result.readings[0]!;
    expect(reading.counts).toEqual({});
    for (const field of ['author', 'postedAt', 'text', 'promoted']) expect(reading).not.toHaveProperty(field);
    expect(result.problems).toEqual([
      {
        field: 'likes',
        selector:
          '[score] | [data-post-click-location="vote"] faceplate-number[number] | [data-testid="vote-arrows"] faceplate-number[number]',
      },
      {
        field: 'replies',
        selector:
          '[comment-count] | a[data-post-click-location="comments-button"] faceplate-number[number] | a[name="comments-action-button"] faceplate-number[number]',
      },
    ]);
  });

  it('flags a post as promoted by the bare is-promoted attribute, and not by is-promoted="false"', () => {
    expect(first('<shreddit-post id="t3_abc123" is-promoted></shreddit-post>').promoted).toBe(true);
    expect(first('<shreddit-post id="t3_abc123" is-promoted="false"></shreddit-post>')).not.toHaveProperty('promoted');
  });

  it('finds the permalink in the title link when the post has no permalink attribute', () => {
    const post = `<shreddit-post id="t3_abc123"><a slot="full-post-link" href="/r/x/comments/abc123/title/"></a></shreddit-post>`;
    expect(first(post).url).toBe('https://www.reddit.com/r/x/comments/abc123/title/');
  });

  it('keys a post by its fullname when its permalink is not a post link', () => {
    const post = '<shreddit-post id="t3_abc123" permalink="/r/x/"></shreddit-post>';
    expect(first(post)).toMatchObject({ postId: 't3_abc123', url: 'https://www.reddit.com/comments/abc123/' });
  });

  it('keys a post by its own fullname, not by a permalink that points at another post', () => {
    const post = '<shreddit-post id="t3_abc123" permalink="/r/x/comments/zzz999/other/"></shreddit-post>';
    expect(first(post)).toMatchObject({ postId: 't3_abc123', url: 'https://www.reddit.com/comments/abc123/' });
  });
});

describe('old Reddit entries without the data attributes', () => {
  it('shows the score of the state the reader voted, and the title attribute over the rounded text', () => {
    const column = (state: string) =>
      `<div class="midcol ${state}"><div class="score dislikes" title="1233">1.2k</div><div class="score unvoted" title="1234">1.2k</div><div class="score likes" title="1235">1.2k</div></div>`;
    expect(first(oldThing('', column('dislikes'), comments('1 comment'))).counts.likes).toEqual({
      precision: 'exact',
      value: 1233,
      raw: '1233',
    });
    expect(first(oldThing('', column('likes'), comments('1 comment'))).counts.likes).toMatchObject({ value: 1235 });
    const negative = '<div class="midcol unvoted"><div class="score unvoted" title="-3">-3</div></div>';
    expect(first(oldThing('', negative, comments('1 comment'))).counts.likes).toMatchObject({ value: -3 });
  });

  it('reports the score, naming the column, when the entry has no vote column', () => {
    const result = scan(oldThing('', '', comments('2 comments')));
    expect(result.readings[0]!.counts).toEqual({ replies: { precision: 'exact', value: 2, raw: '2' } });
    expect(result.problems).toEqual([{ field: 'likes', selector: ':scope > .midcol .score' }]);
    for (const field of ['author', 'postedAt', 'text']) expect(result.readings[0]).not.toHaveProperty(field);
  });

  it('reads "comment" alone as a shown zero, and a count the exact attribute has over the link text', () => {
    const column = '<div class="midcol unvoted"><div class="score unvoted">5</div></div>';
    expect(first(oldThing('', column, comments('comment'))).counts.replies).toEqual({
      precision: 'exact',
      value: 0,
      raw: 'comment',
    });
    expect(first(oldThing('data-comments-count="1024"', column, comments('1k comments'))).counts.replies).toMatchObject(
      {
        precision: 'exact',
        value: 1024,
      },
    );
  });

  it('stores no comment count from a link with two numbers or one that counts something else', () => {
    const column = '<div class="midcol unvoted"><div class="score unvoted">5</div></div>';
    for (const text of ['12 comments, 3 new', '12 people online']) {
      const result = scan(oldThing('', column, comments(text)));
      expect(result.readings[0]!.counts.replies, text).toBeUndefined();
      expect(result.problems, text).toEqual([
        {
          field: 'replies',
          selector: ':scope > .entry a.comments | :scope > .entry a.bylink[data-event-action="comments"]',
          raw: text,
        },
      ]);
    }
  });

  it('takes author and time from the tagline when the attributes are missing or unreadable', () => {
    const column = '<div class="midcol unvoted"><div class="score unvoted">5</div></div>';
    const tagline =
      '<p class="tagline"><time datetime="2015-11-02T09:14:05+00:00">ago</time> <a class="author">croissant</a></p>';
    const reading = first(oldThing('data-timestamp="soon"', column, tagline + comments('1 comment')));
    expect(reading).toMatchObject({ author: 'croissant', postedAt: Date.parse('2015-11-02T09:14:05Z') });
    const deleted = first(
      oldThing('data-author="[deleted]" data-timestamp="1781510400000"', column, comments('1 comment')),
    );
    expect(deleted).not.toHaveProperty('author');
    expect(deleted.postedAt).toBe(1781510400000);
  });

  it('flags a promoted entry by its class alone, and finds its permalink in the comments link', () => {
    const column = '<div class="midcol unvoted"><div class="score unvoted">5</div></div>';
    const ad = first(
      oldThing('', column, comments('1 comment')).replace('class="thing link"', 'class="thing link promotedlink"'),
    );
    expect(ad).toMatchObject({ promoted: true, url: 'https://www.reddit.com/r/x/comments/abc123/title/' });
    expect(first(oldThing('data-promoted="false"', column, comments('1 comment')))).not.toHaveProperty('promoted');
  });
});

describe('the 2018–2023 redesign', () => {
  const post = (inner: string) =>
    `<div data-testid="post-container" id="t3_abc123"><a data-click-id="body" href="${PERMALINK}"></a>${inner}</div>`;

  it('stores no comment count from a link with two numbers or one that counts something else', () => {
    for (const text of ['12 comments, 3 new', '12 online']) {
      const result = scan(post(`<a data-click-id="comments" href="${PERMALINK}"><span>${text}</span></a>`));
      expect(result.readings[0]!.counts, text).toEqual({});
      expect(result.problems, text).toEqual([{ field: 'replies', selector: 'a[data-click-id="comments"]', raw: text }]);
    }
  });

  it("reads the author's name from the profile link, decoded, and leaves out what the post lacks", () => {
    const reading = first(post('<a data-testid="post_author_link" href="/user/caf%C3%A9_au_lait/">u/café_au_lait</a>'));
    expect(reading.author).toBe('café_au_lait');
    expect(first(post(''))).not.toHaveProperty('author');
    expect(first(post(''))).not.toHaveProperty('text');
  });
});
