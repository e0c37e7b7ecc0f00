/** @vitest-environment happy-dom */
import { describe, expect, it, vi } from 'vitest';
import { createPlacer } from './placement';

function post(html: string): Element {
  const article = document.createElement('article');
  article.innerHTML = html;
  document.body.append(article);
  return article;
}

describe('where a badge goes', () => {
  it('uses the first anchor the adapter lists that the post has, reading each selector’s layout once', () => {
    const modeOf = vi.fn(() => 'flow' as const);
    const place = createPlacer(['.missing', '.text'], modeOf);
    const first = post('<div class="text">a</div>');
    const second = post('<div class="text">b</div>');
    expect(place(first, undefined)).toEqual({ anchor: first.querySelector('.text'), mode: 'flow' });
    expect(place(second, undefined)?.anchor).toBe(second.querySelector('.text'));
    expect(modeOf).toHaveBeenCalledTimes(1);
  });

  it('hangs the badge out of flow at the end of a post without an anchor', () => {
    const element = post('<p>no anchor</p>');
    expect(createPlacer(['.text'])(element, undefined)).toEqual({ anchor: element, mode: 'out' });
  });

  it('places nothing while the badge is still in its post, and again once the site re-rendered it away', () => {
    const element = post('<div class="text">a</div>');
    const host = element.querySelector('.text')!.appendChild(document.createElement('feedlens-badge'));
    const place = createPlacer(['.text'], () => 'out');
    expect(place(element, host)).toBeNull();
    host.remove();
    expect(place(element, host)?.mode).toBe('out');
  });
});
