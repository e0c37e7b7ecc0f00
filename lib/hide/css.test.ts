/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { x } from '../platforms/x';
import { HIDE_ATTR, READY_ATTR, initialHideCss, liveHideCss } from './css';
import { installLiveHiding } from './live';

describe('hide stylesheets', () => {
  it('gates the pre-load layer on the page not being taken over by the live layer yet', () => {
    const css = initialHideCss(x, 'likes');
    expect(css).toContain(
      `html:not([${READY_ATTR}]) [data-testid="tweet"] [role="group"] [data-testid$="like"] span { visibility: hidden !important; }`,
    );
    expect(initialHideCss({ hide: {}, collapse: {}, postSelector: 'article' }, 'likes')).toBe('');
  });

  it('writes one rule per selector, so one unsupported selector cannot void a metric', () => {
    const css = initialHideCss(x, 'followers');
    const own = css.split('\n').filter((line) => !line.includes('data-feedlens-count'));
    expect(own).toHaveLength(x.collapse!.followers!.length);
    expect(css).toContain('display: none !important;');
  });

  it('gates each metric of the live layer on its token', () => {
    const css = liveHideCss(x, ['likes', 'views']);
    expect(css).toContain(`html[${HIDE_ATTR}~="likes"]`);
    expect(css).toContain(`html[${HIDE_ATTR}~="views"]`);
    expect(css).not.toContain('"replies"');
  });

  it('switches metrics with one attribute write and puts back a stylesheet the page removed', () => {
    const hiding = installLiveHiding(document, x);
    const root = document.documentElement;
    hiding.apply(['likes', 'replies']);
    expect(root.getAttribute(HIDE_ATTR)).toBe('likes replies');
    expect(root.hasAttribute(READY_ATTR)).toBe(true);
    document.getElementById('feedlens-hide')!.remove();
    root.removeAttribute(HIDE_ATTR);
    hiding.ensureInstalled();
    expect(document.getElementById('feedlens-hide')).not.toBeNull();
    expect(root.getAttribute(HIDE_ATTR)).toBe('likes replies');
    hiding.apply([]);
    expect(root.getAttribute(HIDE_ATTR)).toBe('');
  });
});
