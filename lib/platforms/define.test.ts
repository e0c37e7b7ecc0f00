/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { defineAdapter, resolveEnv } from './define';
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

describe('what a read fills in when the caller passes nothing', () => {
  it("takes the page address and UI language from the root's own document", () => {
    const doc = new DOMParser().parseFromString(
      '<html lang="de-AT"><body><article></article></body></html>',
      'text/html',
    );
    const post = doc.querySelector('article')!;
    for (const root of [doc, post]) {
      const env = resolveEnv(root);
      expect(env.url.href).toBe(new URL(doc.URL).href);
      expect(env.locale).toBe('de-AT');
    }
    expect(resolveEnv(doc, { url: new URL('https://x.com/home'), locale: 'fr' })).toMatchObject({
      url: new URL('https://x.com/home'),
      locale: 'fr',
    });
  });

  it('reads a document without an <html> element in the default locale, without failing', () => {
    const empty = document.implementation.createDocument(null, null);
    const noLang = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(resolveEnv(empty).locale).toBe(resolveEnv(noLang).locale);
    expect(adapter.read(empty)).toEqual([]);
  });

  it('stamps each reading with the time of the read', () => {
    document.body.innerHTML = '<article data-id="7"></article>';
    const before = Date.now();
    const [reading] = adapter.read(document);
    expect(reading!.readAt).toBeGreaterThanOrEqual(before);
    expect(adapter.read(document, { now: 42 })[0]!.readAt).toBe(42);
  });
});
