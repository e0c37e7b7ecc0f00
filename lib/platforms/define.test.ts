/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { defineAdapter } from './define';
import { SKIP } from './types';

// A toy adapter: posts are <article>s; hidden ones are skipped by design, ones without an id fail.
const adapter = defineAdapter({
  id: 'x',
  name: 'Toy',
  hosts: [],
  matches: [],
  testUrls: [],
  postSelector: 'article',
  watchAttributes: [],
  rounding: 'halfExpand',
  hide: {},
  readPost(post, ctx) {
    if (post.hasAttribute('hidden')) return SKIP;
    const id = post.getAttribute('data-id');
    if (!id) {
      ctx.problem({ field: 'id', selector: '[data-id]' });
      return null;
    }
    return { platform: 'x', postId: id, url: `https://x.com/i/status/${id}`, counts: {} };
  },
});

describe('defineAdapter', () => {
  it('counts unreadable posts as candidates, and elements skipped by design not at all', () => {
    document.body.innerHTML = '<article data-id="1"></article><article></article><article hidden></article>';
    const scan = adapter.scan(document);
    expect(scan.readings.map((r) => r.postId)).toEqual(['1']);
    expect(scan.candidates).toBe(2);
    expect(scan.problems).toEqual([{ field: 'id', selector: '[data-id]' }]);
  });
});
