/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import homeEn from './fixtures/youtube-home-en.html?raw';
import watchEn from './fixtures/youtube-watch-en.html?raw';
import { youtube } from './youtube';

/** Markup that changes under the reader: recycled cards, in-app navigation, late and unknown parts. */
const NOW = Date.parse('2024-11-22T12:00:00Z');

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const urlOf = (html: string) => /<meta name="feedlens:url" content="([^"]+)"/.exec(html)![1]!;

describe('YouTube on recycled, navigating and unknown markup', () => {
  it('reads a recycled card as the video it shows now', () => {
    const doc = parse(homeEn);
    const card = doc.querySelector('ytd-rich-item-renderer')!;
    for (const link of card.querySelectorAll('a[href*="/watch"]')) link.setAttribute('href', '/watch?v=Zz9yX8wV7uT');
    card
      .querySelector('#video-title-link')!
      .setAttribute('aria-label', 'Other video by Loaf Lab 1 day ago 2 minutes 911 views');
    card.querySelector('#metadata-line > span')!.textContent = '911 views';
    const [reading] = youtube.read(card, { url: new URL('https://www.youtube.com/'), now: NOW });
    expect(reading).toMatchObject({ postId: 'Zz9yX8wV7uT', counts: { views: { precision: 'exact', value: 911 } } });
  });

  it("does not read a new video id over the previous video's metadata during in-app navigation", () => {
    const doc = parse(watchEn);
    doc.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'Nx5wM4vL3kJ');
    const result = youtube.scan(doc, { url: new URL('https://www.youtube.com/watch?v=Nx5wM4vL3kJ'), now: NOW });
    expect(result.readings.map((r) => r.postId)).not.toContain('Nx5wM4vL3kJ');
    // Nor is the metadata stored under the video it describes: only cards (views, no likes) are read.
    expect(result.readings.filter((r) => r.counts.likes)).toEqual([]);
  });

  it('reads a comment count that loads after the rest of the page, through the comments header', () => {
    const doc = parse(watchEn);
    const header = doc.querySelector('ytd-comments-header-renderer')!;
    const count = header.querySelector('#count span')!;
    count.textContent = '';
    // A header still waiting for its count is not a reading…
    expect(youtube.read(header, { url: new URL(urlOf(watchEn)), now: NOW })).toEqual([]);
    // …once it shows one, the whole page is read again, with it.
    count.textContent = '1,240';
    const [page] = youtube.read(header, { url: new URL(urlOf(watchEn)), now: NOW });
    expect(page).toMatchObject({
      postId: 'Qm7pZt3Lx2A',
      counts: { likes: { value: 13802 }, views: { value: 1362905 }, replies: { precision: 'exact', value: 1240 } },
    });
  });

  it('reports the like button as not ready, not hidden, while it has no label yet', () => {
    const doc = parse(watchEn);
    const button = doc.querySelector('like-button-view-model button')!;
    button.removeAttribute('aria-label');
    button.querySelector('div:not([aria-hidden])')!.textContent = '';
    const result = youtube.scan(doc.querySelector('ytd-watch-flexy')!, { url: new URL(urlOf(watchEn)), now: NOW });
    const video = result.readings.find((r) => r.postId === 'Qm7pZt3Lx2A')!;
    expect(video.counts.likes).toBeUndefined();
    expect(video.counts.views).toMatchObject({ value: 1362905 });
    expect(result.problems).toContainEqual({ field: 'likes', selector: 'button[aria-label]' });
  });

  it('reads nothing, and says why, from a watch page and a card it does not recognize', () => {
    const doc = parse(
      '<html lang="en"><body><ytd-watch-flexy video-id="Qq1wE2rT3yU"><ytd-watch-metadata video-id="Qq1wE2rT3yU">' +
        '<div id="title"><h1>A video</h1></div><div id="new-ui"><button>Like</button> <span>1.2M views</span></div>' +
        '</ytd-watch-metadata></ytd-watch-flexy>' +
        '<ytd-rich-item-renderer><a href="/new-kind-of-link/123">x</a></ytd-rich-item-renderer></body></html>',
    );
    const result = youtube.scan(doc, { url: new URL('https://www.youtube.com/watch?v=Qq1wE2rT3yU'), now: NOW });
    expect(result.readings).toEqual([]);
    expect(result.candidates).toBe(2);
    expect(result.problems.map((p) => p.field).sort()).toEqual(['id', 'likes']);
  });
});

describe('YouTube elements skipped by design are not candidates', () => {
  it('leaves out placeholders, the block that has not caught up with navigation, and hidden pages', () => {
    const doc = parse(watchEn);
    // YouTube stamps rich items empty and fills them a moment later (scrolling the home grid).
    doc.querySelector('ytd-browse #contents')!.append(doc.createElement('ytd-rich-item-renderer'));
    // In-app navigation: the page names the next video, its metadata still the previous one.
    doc.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'Nx5wM4vL3kJ');
    const scan = youtube.scan(doc, { url: new URL('https://www.youtube.com/watch?v=Nx5wM4vL3kJ'), now: NOW });
    // Only the related cards are left: every candidate is read.
    expect(scan.readings.every((r) => !r.counts.likes)).toBe(true);
    expect(scan.candidates).toBe(scan.readings.length);
    expect(scan.problems).toEqual([]);
  });

  it('leaves out a watch page’s related list found away from the watch page', () => {
    // The related videos belong to the video watched; elsewhere they are what is left of it.
    const doc = parse(watchEn);
    const related = doc.querySelector('#secondary')!;
    doc.querySelector('ytd-watch-flexy')!.setAttribute('hidden', '');
    doc.querySelector('ytd-app')!.append(related);
    const scan = youtube.scan(doc, { url: new URL('https://www.youtube.com/results?search_query=bread'), now: NOW });
    expect([scan.readings, scan.candidates]).toEqual([[], 0]);
    const onWatch = youtube.scan(doc, { url: new URL(urlOf(watchEn)), now: NOW });
    expect(onWatch.readings.map((r) => r.postId)).toEqual(['Hx3vB9nQe1s', 'Lp0cT7wRz4k']);
  });
});
