/** @vitest-environment happy-dom */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_ATTR, alterCounts, attachDeclarativeShadowRoots, postOf, stillTargeted } from '../../tests/site-change';
import { ADAPTERS, adapterById } from '../platforms/registry';
import { x } from '../platforms/x';
import { COUNT_ATTR, createFallbackHider, looksLikeCount } from './fallback';

const FIXTURES = join(__dirname, '../platforms/fixtures');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));

function load(file: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(join(FIXTURES, file), 'utf8'), 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

const marked = (root: Document | ShadowRoot | Element) => [...root.querySelectorAll(`[${COUNT_ATTR}]`)];
const shadowRoots = (doc: Document) =>
  [...doc.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));
const digitTexts = (root: Node) => {
  const found: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (/\d/.test(t.nodeValue ?? '')) found.push(t as Text);
  return found;
};

describe('what counts as a count', () => {
  it.each(['553', '29.9K', '1,234', '1,2 mil', '2,4 Tsd.', '12万', '1+', '45 comments', 'Carla Mendes and 676 others'])(
    '"%s" is hidden',
    (text) => expect(looksLikeCount(text)).toBe(true),
  );
  it.each(['12:34', '11-25', '1/5', '42%', 'Morning stretch, 5 minutes', 'Day 5. Tap to shop', '#2024', 'Reply', ''])(
    '"%s" is not',
    (text) => expect(looksLikeCount(text)).toBe(false),
  );
});

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('the safe rule on %s', (id, adapter) => {
  const own = fixtures.filter((f) => f.startsWith(`${id}-`));

  it('hides every count in an action area once the hide selectors miss them all', () => {
    let areas = 0;
    const lost: string[] = [];
    for (const file of own) {
      const doc = load(file);
      const here = alterCounts(doc, adapter);
      const lostBefore = lost.length;
      areas += here;
      expect(stillTargeted(doc, adapter), `${file}: a hide selector still matches`).toEqual([]);
      const hider = createFallbackHider(doc, adapter);
      hider.scanAll();
      for (const root of [doc, ...shadowRoots(doc)])
        for (const area of root.querySelectorAll(`[${ACTION_ATTR}]`)) {
          // TikTok's older video page is only a post while its like count has its hook: with the
          // hook gone it is no post at all, which drift detection reports instead.
          if (!postOf(area, adapter)) {
            if (!lost.includes(file)) lost.push(file);
            continue;
          }
          for (const text of digitTexts(area)) {
            if (text.parentElement!.closest('time')) continue;
            expect(
              text.parentElement!.closest(`[${COUNT_ATTR}]`),
              `${file}: "${text.nodeValue}" left visible`,
            ).not.toBeNull();
          }
        }
      if (here && lost.length === lostBefore) expect(hider.report().hidden).toBeGreaterThan(0);
    }
    expect(lost, 'pages whose posts were lost with their counts’ markup').toEqual(
      id === 'tiktok' ? ['tiktok-video-browse-en.html'] : [],
    );
    // Platforms whose fixtures hold no count inside an action area are covered by the browser test's page.
    if (id !== 'instagram') expect(areas, 'no count in an action area to check').toBeGreaterThan(0);
  });

  it('on the unaltered pages, hides only counts no selector covers, never post text, names or times', () => {
    for (const file of own) {
      const doc = load(file);
      const hider = createFallbackHider(doc, adapter);
      hider.scanAll();
      const read = adapter.read(doc);
      for (const element of [...marked(doc), ...shadowRoots(doc).flatMap(marked)]) {
        const text = element.textContent!.trim();
        expect(looksLikeCount(text), `${file}: "${text}"`).toBe(true);
        expect(element.closest('time')).toBeNull();
        for (const post of read) {
          if (post.text) expect(post.text, file).not.toContain(text.length > 3 ? text : '\u0000');
          if (post.author) expect(text, file).not.toContain(post.author);
        }
      }
      expect(hider.report().hidden).toBe(marked(doc).length + shadowRoots(doc).flatMap(marked).length);
    }
  });
});

describe('the safe rule as the page changes', () => {
  function page(html: string) {
    document.body.innerHTML = html;
    return createFallbackHider(document, x);
  }
  const post = (bar: string) =>
    `<article data-testid="tweet"><p>Ran 5 km in 20 min</p><div role="group">${bar}</div></article>`;

  it('marks a count added to the page, and unmarks it when it stops being one', () => {
    const hider = page('<main></main>');
    const article = new DOMParser().parseFromString(post('<button><b>12</b></button>'), 'text/html').body
      .firstElementChild!;
    document.querySelector('main')!.append(article);
    hider.added([article]);
    const count = document.querySelector('b')!;
    expect(count.getAttribute(COUNT_ATTR)).toBe('');
    count.firstChild!.nodeValue = 'Reply';
    hider.changed([count.firstChild!]);
    expect(count.hasAttribute(COUNT_ATTR)).toBe(false);
    expect(document.querySelector('p')!.hasAttribute(COUNT_ATTR)).toBe(false);
  });

  it('hides only the text of a control that also holds its icon, so it stays clickable', () => {
    const hider = page(post('<button><svg></svg>34</button>'));
    hider.scanAll();
    expect(document.querySelector('button')!.getAttribute(COUNT_ATTR)).toBe('text');
  });

  it('leaves counts a selector covers to that selector, and does nothing while hiding is off', () => {
    const hider = page(post('<button data-testid="like"><span>7</span></button><button><i>8</i></button>'));
    hider.setActive(false);
    hider.scanAll();
    expect(marked(document)).toEqual([]);
    hider.setActive(true);
    hider.scanAll();
    expect(marked(document).map((el) => el.textContent)).toEqual(['8']);
    expect(hider.report()).toEqual({ hidden: 1, examples: ['button > i: "8"'] });
  });

  it('looks inside the shadow roots of a platform’s shadow hosts', () => {
    const reddit = adapterById('reddit')!;
    document.body.innerHTML = '<shreddit-post id="t3_a"></shreddit-post>';
    const host = document.querySelector('shreddit-post')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span><button>Up</button><span><x-count>1.2K</x-count></span><button>Down</button></span>';
    const hider = createFallbackHider(document, reddit);
    hider.added([host]);
    expect(root.querySelector('x-count')!.getAttribute(COUNT_ATTR)).toBe('');
  });
});
