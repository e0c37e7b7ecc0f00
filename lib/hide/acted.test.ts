/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { bluesky } from '../platforms/bluesky';
import { mastodon } from '../platforms/mastodon';
import { reddit } from '../platforms/reddit';
import { x } from '../platforms/x';
import { ACTED_ATTR, hasActed } from './acted';
import { liveHideCss } from './css';

const post = (html: string, selector: string) => {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('detecting that the user acted on a post, per site', () => {
  it('X: a liked or reposted post carries unlike / unretweet; a bookmark or a reply button alone does not count', () => {
    const bar = (buttons: string) => `<article data-testid="tweet"><div role="group">${buttons}</div></article>`;
    const reply = '<button data-testid="reply"><span>3</span></button>';
    expect(hasActed(post(bar(`${reply}<button data-testid="like"></button>`), 'article'), x)).toBe(false);
    expect(hasActed(post(bar(`${reply}<button data-testid="unlike"></button>`), 'article'), x)).toBe(true);
    expect(hasActed(post(bar(`${reply}<button data-testid="unretweet"></button>`), 'article'), x)).toBe(true);
    expect(hasActed(post(bar('<button data-testid="removeBookmark"></button>'), 'article'), x)).toBe(false);
    // A quoted post's liked state inside the text is not a button in the action bar.
    expect(
      hasActed(post('<article data-testid="tweet"><div data-testid="unlike"></div></article>', 'article'), x),
    ).toBe(false);
  });

  it('old Reddit: an up- or down-voted arrow', () => {
    const thing = (arrow: string) =>
      `<div class="thing link"><div class="midcol ${arrow === 'upmod' ? 'likes' : 'unvoted'}"><div class="arrow ${arrow}"></div><div class="score">5</div></div></div>`;
    expect(hasActed(post(thing('up'), '.thing'), reddit)).toBe(false);
    expect(hasActed(post(thing('upmod'), '.thing'), reddit)).toBe(true);
    expect(hasActed(post(thing('downmod'), '.thing'), reddit)).toBe(true);
  });

  it('new Reddit: a pressed vote button, also inside the post’s shadow root', () => {
    const el = post('<shreddit-post></shreddit-post>', 'shreddit-post');
    const root = el.attachShadow({ mode: 'open' });
    root.innerHTML = '<button upvote aria-pressed="false"></button><button downvote aria-pressed="false"></button>';
    expect(hasActed(el, reddit)).toBe(false);
    root.querySelector('[downvote]')!.setAttribute('aria-pressed', 'true');
    expect(hasActed(el, reddit)).toBe(true);
    expect(
      hasActed(
        post('<shreddit-post><button upvote aria-pressed="true"></button></shreddit-post>', 'shreddit-post'),
        reddit,
      ),
    ).toBe(true);
  });

  it('Bluesky: the like or repost toggle pressed', () => {
    const item = (pressed: string) =>
      `<div data-testid="feedItem"><button data-testid="likeBtn" aria-pressed="${pressed}"></button></div>`;
    expect(hasActed(post(item('false'), 'div'), bluesky)).toBe(false);
    expect(hasActed(post(item('true'), 'div'), bluesky)).toBe(true);
  });

  it('Mastodon: a favourite or boost button marked active', () => {
    const status = (cls: string) =>
      `<article><div class="status"><div class="status__action-bar"><button class="icon-button"></button><button class="icon-button ${cls}"></button><button class="star-icon icon-button"></button></div></div></article>`;
    expect(hasActed(post(status(''), 'article'), mastodon)).toBe(false);
    expect(hasActed(post(status('active'), 'article'), mastodon)).toBe(true);
  });
});

describe('the acted exception', () => {
  it('reveals counts only in posts marked as acted on, in the page and in shadow roots', () => {
    const css = liveHideCss(reddit, ['likes'], { actedExempt: true });
    expect(css).toContain(`:not([${ACTED_ATTR}] *)`);
    expect(css).toMatch(new RegExp(`\\[${ACTED_ATTR}\\] \\{[^}]*--feedlens-hide-likes: initial;`));
    expect(liveHideCss(reddit, ['likes'])).not.toContain(ACTED_ATTR);
  });
});
