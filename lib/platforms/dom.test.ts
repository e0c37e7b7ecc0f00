/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { absoluteUrl, attr, ownFirstMatch, ownMatch, parseTime, pathOf, textOf } from './dom';

const BASE = new URL('https://example.social/home');

function fragment(html: string): Element {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return doc.querySelector('article')!;
}

describe("a post's own elements, not those of a post embedded in it", () => {
  // The quoted post comes first in the markup here, as a repost's original does on some sites.
  const post = fragment(
    '<article><blockquote><time id="quoted">then</time></blockquote><p><time id="own">now</time></p></article>',
  );

  it("skips an embed that comes before the post's own element", () => {
    expect(ownMatch(post, 'time', 'article, blockquote')?.id).toBe('own');
  });

  it('finds nothing when the only match is inside the embed', () => {
    const onlyQuoted = fragment('<article><blockquote><time>then</time></blockquote></article>');
    expect(ownMatch(onlyQuoted, 'time', 'article, blockquote')).toBeNull();
    expect(ownFirstMatch(onlyQuoted, ['time', 'p'], 'article, blockquote')).toBeNull();
  });

  it('tries the fallbacks in order', () => {
    expect(ownFirstMatch(post, ['span', 'time'], 'article, blockquote')?.id).toBe('own');
  });
});

describe('text and attributes', () => {
  it('folds runs of whitespace to one space and trims', () => {
    expect(textOf(fragment('<article>  12\n\n  likes \t</article>'))).toBe('12 likes');
    expect(textOf(null)).toBe('');
  });

  it('reads an attribute trimmed, and a blank one as missing', () => {
    const post = fragment('<article data-id=" 42 " data-empty="  "></article>');
    expect(attr(post, 'data-id')).toBe('42');
    expect(attr(post, 'data-empty')).toBeNull();
    expect(attr(post, 'data-none')).toBeNull();
  });
});

describe('links', () => {
  it('resolves web links against the page and refuses other schemes', () => {
    expect(absoluteUrl('/p/1', BASE)?.href).toBe('https://example.social/p/1');
    expect(absoluteUrl('http://old.example/p', BASE)?.href).toBe('http://old.example/p');
    expect(absoluteUrl('javascript:void(0)', BASE)).toBeNull();
    expect(absoluteUrl('mailto:a@b.c', BASE)).toBeNull();
    expect(absoluteUrl('https://[broken', BASE)).toBeNull();
    expect(absoluteUrl(null, BASE)).toBeNull();
  });

  it('takes the path of a link without its query or fragment', () => {
    expect(pathOf('/ada/status/1?s=20', BASE)).toBe('/ada/status/1');
    expect(pathOf('/ada/status/1#reply', BASE)).toBe('/ada/status/1');
    expect(pathOf('/ada/status/1', BASE)).toBe('/ada/status/1');
    expect(pathOf('status/2?x', BASE)).toBe('/status/2');
  });

  it('reads a protocol-relative link as another host, not as a path', () => {
    expect(pathOf('//cdn.example/media/1?x=1', BASE)).toBe('/media/1');
  });

  it('gives no path for a link that does not parse', () => {
    expect(pathOf('https://[broken', BASE)).toBeNull();
    expect(pathOf('', BASE)).toBeNull();
  });
});

describe('machine-readable times', () => {
  it('reads an ISO time and nothing else', () => {
    expect(parseTime('2024-11-19T20:15:00.000Z')).toBe(Date.UTC(2024, 10, 19, 20, 15));
    expect(parseTime('yesterday')).toBeUndefined();
    expect(parseTime(null)).toBeUndefined();
  });
});
