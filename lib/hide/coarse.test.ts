/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { exact, type Count } from '../model';
import { reddit } from '../platforms/reddit';
import { x } from '../platforms/x';
import { COARSE_ATTR, LABEL_ATTR, LABEL_OF_ATTR, coarseLabel, labelPost } from './coarse';
import { liveHideCss, shadowHideCss } from './css';
import { installLiveHiding } from './live';

const rounded = (value: number, min: number, max: number): Count => ({ precision: 'rounded', value, min, max });

describe('the coarse scale', () => {
  it('says 0, 1 or 1+ for exact counts', () => {
    expect(coarseLabel(exact(0))).toBe('0');
    expect(coarseLabel(exact(1))).toBe('1');
    expect(coarseLabel(exact(2))).toBe('1+');
    expect(coarseLabel(exact(48_000))).toBe('1+');
  });

  it('reads rounded and estimated counts by their bounds, never claiming more than they allow', () => {
    expect(coarseLabel(rounded(1200, 1200, 1300))).toBe('1+');
    expect(coarseLabel(rounded(1, 1, 2))).toBe('1'); // [1, 2): only 1
    expect(coarseLabel(rounded(1, 1, 5))).toBe('1+');
    expect(coarseLabel({ precision: 'estimated', value: 677, min: 677, max: 678 })).toBe('1+');
    expect(coarseLabel(rounded(0, 0, 1))).toBe('0');
    expect(coarseLabel(rounded(0, 0, 3))).toBeNull(); // 0, 1 or 2: no honest label
  });

  it('shows nothing for a count that is unknown or withheld, never "0"', () => {
    expect(coarseLabel(undefined)).toBeNull();
    expect(coarseLabel({ precision: 'unknown', raw: '—' })).toBeNull();
    expect(coarseLabel({ precision: 'hidden' })).toBeNull();
  });
});

const X_POST = `<article data-testid="tweet"><div role="group">
  <button data-testid="reply"><span data-testid="app-text-transition-container"><span><span>3</span></span></span></button>
  <button data-testid="like"><span data-testid="app-text-transition-container"><span><span>1</span></span></span></button>
</div></article>`;

beforeEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute(COARSE_ATTR);
});

describe('labelling a post', () => {
  it('labels the outermost element of each coarse count, and unlabels it when the count is no longer coarse', () => {
    document.body.innerHTML = X_POST;
    const post = document.querySelector('article')!;
    labelPost(post, x, { replies: exact(3), likes: exact(1) }, ['replies', 'likes']);
    const labelled = [...post.querySelectorAll(`[${LABEL_ATTR}]`)];
    expect(labelled.map((e) => [e.getAttribute(LABEL_OF_ATTR), e.getAttribute(LABEL_ATTR)])).toEqual([
      ['replies', '1+'],
      ['likes', '1'],
    ]);
    expect(labelled.every((e) => e.getAttribute('data-testid') === 'app-text-transition-container')).toBe(true);
    labelPost(post, x, { replies: exact(3), likes: exact(1) }, ['likes']);
    expect(post.querySelector('[data-testid="reply"] [data-feedlens-label]')).toBeNull();
    expect(post.querySelector('[data-testid="like"] > span')!.getAttribute(LABEL_ATTR)).toBe('1');
  });

  it('takes every label away when coarse counts are switched off, and leaves an unlabelled post alone', () => {
    document.body.innerHTML = X_POST + X_POST;
    const [labelled, untouched] = [...document.querySelectorAll('article')];
    labelPost(labelled!, x, { replies: exact(3), likes: exact(1) }, ['replies', 'likes']);
    labelPost(labelled!, x, { replies: exact(3), likes: exact(1) }, []);
    expect(labelled!.querySelector(`[${LABEL_ATTR}]`)).toBeNull();
    // Switched on again later: labelled again.
    labelPost(labelled!, x, { likes: exact(1) }, ['likes']);
    expect(labelled!.querySelector(`[${LABEL_ATTR}]`)?.getAttribute(LABEL_ATTR)).toBe('1');
    const before = untouched!.outerHTML;
    labelPost(untouched!, x, { likes: exact(1) }, []);
    expect(untouched!.outerHTML).toBe(before);
  });

  it('removes a label when the count becomes unknown', () => {
    document.body.innerHTML = X_POST;
    const post = document.querySelector('article')!;
    labelPost(post, x, { likes: exact(5) }, ['likes']);
    labelPost(post, x, { likes: { precision: 'unknown' } }, ['likes']);
    expect(post.querySelector(`[${LABEL_ATTR}]`)).toBeNull();
  });

  it('labels counts inside a post’s shadow root (new Reddit)', () => {
    document.body.innerHTML = '<shreddit-post></shreddit-post>';
    const post = document.querySelector('shreddit-post')!;
    post.attachShadow({ mode: 'open' }).innerHTML =
      '<span data-post-click-location="vote"><faceplate-number number="12">12</faceplate-number></span>';
    labelPost(post, reddit, { likes: exact(12) }, ['likes']);
    expect(post.shadowRoot!.querySelector('faceplate-number')!.getAttribute(LABEL_ATTR)).toBe('1+');
  });
});

describe('coarse stylesheets', () => {
  it('shows labels only for coarse metrics, with the same exceptions as hiding', () => {
    const css = liveHideCss(x, ['likes', 'replies'], { coarse: ['likes'], peek: true });
    const labelRules = css.split('\n').filter((line) => line.includes('::before'));
    expect(labelRules).toHaveLength(1);
    expect(labelRules[0]).toContain(`html[${COARSE_ATTR}~="likes"] [${LABEL_OF_ATTR}="likes"]`);
    expect(labelRules[0]).toContain(':not([data-feedlens-peek] *)');
    expect(labelRules[0]).toContain('position: absolute');
    // A coarse metric that is not hidden has no label: its number shows.
    expect(liveHideCss(x, ['replies'], { coarse: ['likes'] })).not.toContain('::before');
  });

  it('gates shadow-root labels on a custom property, reset where the post is exempt', () => {
    expect(shadowHideCss(reddit)).toContain('visibility: var(--feedlens-coarse-likes, hidden)');
    const css = liveHideCss(reddit, ['likes'], { coarse: ['likes'], ownExempt: true });
    expect(css).toContain(`html[${COARSE_ATTR}~="likes"] { --feedlens-coarse-likes: visible; }`);
    expect(css).toMatch(/\[data-feedlens-own\] \{[^}]*--feedlens-coarse-likes: initial;/);
  });

  it('puts the coarse metrics on <html> with one attribute write', () => {
    const hiding = installLiveHiding(document, x);
    hiding.apply(['likes', 'replies'], { coarse: ['replies'] });
    expect(document.documentElement.getAttribute(COARSE_ATTR)).toBe('replies');
    hiding.apply(['likes']);
    expect(document.documentElement.getAttribute(COARSE_ATTR)).toBe('');
    hiding.remove();
  });
});
