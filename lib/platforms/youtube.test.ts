/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import homeEn from './fixtures/youtube-home-en.html?raw';
import searchEnIn from './fixtures/youtube-search-en-IN.html?raw';
import searchLiveEn from './fixtures/youtube-search-live-en.html?raw';
import shortsEn from './fixtures/youtube-shorts-en.html?raw';
import subscriptionsTh from './fixtures/youtube-subscriptions-th.html?raw';
import watchEn from './fixtures/youtube-watch-en.html?raw';
import watchLikesHidden from './fixtures/youtube-watch-likes-hidden.html?raw';
import watchRu from './fixtures/youtube-watch-ru.html?raw';
import watchZeroLikes from './fixtures/youtube-watch-zero-likes.html?raw';
import { youtube } from './youtube';

const NOW = Date.parse('2024-11-22T12:00:00Z');

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const urlOf = (html: string) => /<meta name="feedlens:url" content="([^"]+)"/.exec(html)![1]!;

/**
 * The fixture's readings, each post once. A watch page is read from its own block and again from
 * its comments header (which stands in for it when comments load late): both must agree.
 */
function readFixture(html: string, url = urlOf(html)): PostReading[] {
  const seen = new Map<string, PostReading>();
  for (const reading of youtube.read(parse(html), { url: new URL(url), now: NOW })) {
    const earlier = seen.get(reading.postId);
    if (earlier) expect(reading, `${reading.postId} read twice, differently`).toEqual(earlier);
    else seen.set(reading.postId, reading);
  }
  return [...seen.values()];
}

function byId(readings: PostReading[], id: string): PostReading {
  const found = readings.find((r) => r.postId === id);
  if (!found) throw new Error(`video ${id} was not read`);
  return found;
}

describe('YouTube watch page (2024+ layout)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(watchEn);

  it('reads the video with exact likes, views and comments from the labels, not the "13K" text', () => {
    expect(byId(readings(), 'Qm7pZt3Lx2A')).toEqual({
      platform: 'youtube',
      postId: 'Qm7pZt3Lx2A',
      url: 'https://www.youtube.com/watch?v=Qm7pZt3Lx2A',
      author: 'crumbandcrust',
      postedAt: Date.parse('2024-11-08T17:30:00Z'),
      text: 'Building a sourdough starter from scratch',
      counts: {
        likes: { precision: 'exact', value: 13802, raw: '13,802' },
        views: { precision: 'exact', value: 1362905, raw: '1,362,905' },
        replies: { precision: 'exact', value: 1234, raw: '1,234' },
      },
      readAt: NOW,
    });
  });

  it('reads the related cards as their own videos, with views only (never likes)', () => {
    expect(readings().map((r) => r.postId)).toEqual(['Qm7pZt3Lx2A', 'Hx3vB9nQe1s', 'Lp0cT7wRz4k']);
    // 2025 lockup: compact views, truncated by YouTube, so 482K means 482,000–482,999.
    expect(byId(readings(), 'Hx3vB9nQe1s')).toMatchObject({
      author: 'fermentlab',
      text: 'Wild yeast, explained',
      counts: { views: { precision: 'rounded', value: 482000, min: 482000, max: 483000 } },
    });
    // 2023 compact card: "2M views" made exact by the number in its title label that agrees with it.
    expect(byId(readings(), 'Lp0cT7wRz4k').counts).toEqual({
      views: { precision: 'exact', value: 2048311, raw: '2,048,311' },
    });
    for (const card of readings().slice(1)) expect(card.counts.likes).toBeUndefined();
  });

  it('does not read the pages YouTube keeps hidden in the DOM, nor a Mix', () => {
    // The home page visited before is still there, hidden, with a card for Qm7pZt3Lx2A ("1.2M views",
    // from when it was shown): it must not become a second, older reading of the video. The related
    // list's Mix starts at the same video but is a playlist.
    expect(readings().filter((r) => r.postId === 'Qm7pZt3Lx2A')).toHaveLength(1);
    const doc = parse(watchEn);
    doc.querySelector('ytd-browse')!.removeAttribute('hidden');
    doc.querySelector('ytd-watch-flexy')!.setAttribute('hidden', '');
    // Back on the home page (the watch page now hidden behind the miniplayer): the card is read.
    const home = youtube.read(doc, { url: new URL('https://www.youtube.com/'), now: NOW });
    expect(home.map((r) => [r.postId, r.counts])).toEqual([
      ['Qm7pZt3Lx2A', { views: { precision: 'exact', value: 1290004, raw: '1,290,004' } }],
    ]);
  });
});

describe('YouTube watch pages in other layouts and languages', () => {
  it('reads the Russian like label and the tooltip views of the 2023 segmented layout', () => {
    const [video, ...rest] = readFixture(watchRu);
    expect(rest).toEqual([]);
    expect(video).toMatchObject({
      postId: 'Vr4nK8sYt2M',
      author: 'dacha_dnevnik',
      text: 'Как утеплить теплицу к зиме',
      counts: {
        likes: { precision: 'exact', value: 123382 },
        views: { precision: 'exact', value: 1234567 },
        replies: { precision: 'exact', value: 2345 },
      },
    });
  });

  it('reads a like button without any number (creator hid likes) as hidden, never as 0', () => {
    const [video] = readFixture(watchLikesHidden);
    expect(video!.counts.likes).toEqual({ precision: 'hidden', raw: 'Like' });
    expect(video!.counts.views).toEqual({ precision: 'exact', value: 58204, raw: '58,204' });
    // Comments are turned off: no count, not 0.
    expect(video!.counts.replies).toBeUndefined();
  });

  it('reads the 2026 camelCase-renamed markup through tags and labels (no class is used)', () => {
    const [video] = readFixture(watchLikesHidden);
    expect(video).toMatchObject({ postId: 'Hd9sLk2PqW0', author: 'tramworks', text: 'Restoring a 1972 tram seat' });
    const doc = parse(watchLikesHidden);
    doc
      .querySelector('like-button-view-model button')!
      .setAttribute('aria-label', 'like this video along with 4,321 other people');
    doc.querySelector('like-button-view-model button > div:not([aria-hidden])')!.textContent = '4.3K';
    const [shown] = youtube.read(doc, { url: new URL(urlOf(watchLikesHidden)), now: NOW });
    expect(shown!.counts.likes).toEqual({ precision: 'exact', value: 4321, raw: '4,321' });
  });

  it('stores 0 likes only where YouTube prints a 0 (2022 layout: "No likes" label, "0" text)', () => {
    const [video] = readFixture(watchZeroLikes);
    expect(video).toMatchObject({
      postId: 'Zr0LkS5nB7q',
      author: 'UCq3mZxLw9vT2pKfHs8dNcYa', // 2022 owners link to /channel/<id>: no handle yet
      counts: { likes: { precision: 'exact', value: 0 }, views: { precision: 'exact', value: 12 } },
    });

    // The 0 in the visible text alone is enough…
    const doc = parse(watchZeroLikes);
    doc.querySelector('#top-level-buttons-computed button')!.setAttribute('aria-label', 'I like this');
    expect(youtube.read(doc, { url: new URL(urlOf(watchZeroLikes)) })[0]!.counts.likes).toMatchObject({ value: 0 });
    // …but "No likes" without any digit cannot be told from a hidden count by structure: hidden.
    doc.querySelector('#top-level-buttons-computed #text')!.textContent = 'No likes';
    expect(youtube.read(doc, { url: new URL(urlOf(watchZeroLikes)) })[0]!.counts.likes).toEqual({
      precision: 'hidden',
      raw: 'No likes',
    });
  });
});

describe('YouTube list cards', () => {
  it('reads home cards in the 2023, 2025 and 2026 markups, with the exact views where a title label has them', () => {
    const readings = readFixture(homeEn);
    expect(readings.map((r) => r.postId)).toEqual([
      'Ab1cD2eF3gH',
      'Bc2dE3fG4hI',
      'Cd3eF4gH5iJ',
      'Sh0rtVid3o1',
      'De4fG5hI6jK',
    ]);
    // The title says "4K": that is not the view count; 18,432 agrees with "18K views" and is.
    expect(byId(readings, 'Ab1cD2eF3gH')).toMatchObject({
      url: 'https://www.youtube.com/watch?v=Ab1cD2eF3gH',
      author: 'loaflab',
      text: 'Scoring patterns for 4K photos',
      counts: { views: { precision: 'exact', value: 18432 } },
    });
    expect(byId(readings, 'Bc2dE3fG4hI')).toMatchObject({
      author: 'fermentlab',
      counts: { views: { precision: 'rounded', value: 2400000, min: 2400000, max: 2500000 } },
    });
    // Same lockup after the camelCase rename: read the same way.
    expect(byId(readings, 'Cd3eF4gH5iJ')).toMatchObject({
      author: 'lamination_lou',
      text: 'Laminating croissant dough by hand',
      counts: { views: { precision: 'rounded', value: 730000, min: 730000, max: 731000 } },
    });
    expect(byId(readings, 'Sh0rtVid3o1')).toMatchObject({
      url: 'https://www.youtube.com/shorts/Sh0rtVid3o1',
      counts: { views: { value: 3100000 } },
    });
    for (const card of readings) expect(card.counts.likes).toBeUndefined();
  });

  it('leaves "No views" absent rather than guessing, and reads no Mix or ad as a video', () => {
    const result = youtube.scan(parse(homeEn), { url: new URL('https://www.youtube.com/'), now: NOW });
    expect(byId(result.readings as PostReading[], 'De4fG5hI6jK').counts).toEqual({});
    expect(result.readings.some((r) => r.postId === 'Ef5gH6iJ7kL')).toBe(false);
    expect(result.problems).toEqual([]);
  });

  it('reads lakh and crore on an en-IN page, and Indian digit grouping in the title label', () => {
    const readings = readFixture(searchEnIn);
    expect(byId(readings, 'In1aB2cD3eF').counts.views).toEqual({ precision: 'exact', value: 123456, raw: '1,23,456' });
    expect(byId(readings, 'In2bC3dE4fG').counts.views).toMatchObject({
      precision: 'rounded',
      value: 34_000_000,
      min: 34_000_000,
      max: 35_000_000,
    });
    expect(byId(readings, 'In3cD4eF5gH').counts.views).toMatchObject({ value: 12000, min: 12000, max: 13000 });
  });

  it('reads the Thai long forms (หมื่น, แสน, ล้าน) on cards', () => {
    const readings = readFixture(subscriptionsTh);
    expect(readings.map((r) => [r.postId, r.counts.views])).toEqual([
      ['Th1aB2cD3eF', { precision: 'rounded', value: 58000, min: 58000, max: 59000, raw: '5.8 หมื่น' }],
      ['Th2bC3dE4fG', { precision: 'rounded', value: 120000, min: 120000, max: 130000, raw: '1.2 แสน' }],
      ['Th3cD4eF5gH', { precision: 'rounded', value: 3400000, min: 3400000, max: 3500000, raw: '3.4 ล้าน' }],
    ]);
    expect(byId(readings, 'Th1aB2cD3eF').author).toBe('krua_baan');
  });
});

describe('YouTube cards that count something other than views', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const result = () => youtube.scan(parse(searchLiveEn), { url: new URL(urlOf(searchLiveEn)), now: NOW });
  const views = (id: string) => byId(result().readings as PostReading[], id).counts.views;

  it('never stores people watching a live stream as views, and takes its total views from the title label', () => {
    // "1,613 watching" beside the LIVE badge; the label ends "… 1,444,431 views".
    expect(views('Lv1aB2cD3eF')).toEqual({ precision: 'exact', value: 1444431, raw: '1,444,431' });
    // 2025 lockup: "12K watching" and a live badge shape, no label with views: no views at all.
    expect(views('Lk5eF6gH7iJ')).toBeUndefined();
  });

  it('never stores people waiting for a scheduled stream as views', () => {
    // "39 waiting • Scheduled for 3/25/26, 3:10 PM", label "… No views": nothing to store.
    expect(views('Up2bC3dE4fG')).toBeUndefined();
  });

  it('reads the replay of a past stream and an ordinary lockup as usual', () => {
    expect(views('St3cD4eF5gH')).toEqual({ precision: 'exact', value: 84201, raw: '84,201' });
    expect(views('Lk6fG7hI8jK')).toMatchObject({ precision: 'rounded', value: 48000, min: 48000, max: 49000 });
  });

  it('stores no count whose unit word is not the one the title label counts views with, and says so', () => {
    // No live badge (say YouTube renamed it), but "3,210 watching" while the label says "98,765 views".
    expect(views('Un4dE5fG6hI')).toBeUndefined();
    expect(result().problems).toEqual([
      { field: 'views', selector: expect.stringContaining('#metadata-line'), raw: '3,210 watching' },
    ]);
    expect(result().candidates).toBe(6);
  });

  it('allows for plural forms: "тыс. просмотров" and "1 234 просмотра" are one word', () => {
    const doc = parse(
      '<html lang="ru"><body><ytd-video-renderer><a id="video-title" href="/watch?v=Ru1aB2cD3eF" title="Щи"' +
        ' aria-label="Щи Автор: Дача 2 дня назад 5 минут 1 234 просмотра"></a>' +
        '<div id="metadata-line"><span>1,2 тыс. просмотров</span><span>2 дня назад</span></div></ytd-video-renderer></body></html>',
    );
    const [card] = youtube.read(doc, { url: new URL('https://www.youtube.com/results?search_query=x'), now: NOW });
    expect(card!.counts.views).toMatchObject({ precision: 'exact', value: 1234 });
  });
});

describe('YouTube Shorts player', () => {
  const doc = parse(shortsEn);
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const result = () => youtube.scan(doc, { url: new URL(urlOf(shortsEn)), now: NOW });

  it('reads the active Short, keyed by the address, with its likes as a range and its comments exactly', () => {
    const shorts = readFixture(shortsEn);
    expect(shorts).toEqual([
      {
        platform: 'youtube',
        postId: 'Kp4sW9mQ2zL',
        url: 'https://www.youtube.com/shorts/Kp4sW9mQ2zL',
        author: 'doughschool',
        text: 'Shaping a bâtard in 30 seconds',
        counts: {
          // "like this video along with 12 thousand other people", "12K": 12,000–12,999.
          likes: { precision: 'rounded', value: 12000, min: 12000, max: 13000, raw: '12 thousand' },
          replies: { precision: 'exact', value: 318, raw: '318' },
        },
        readAt: NOW,
      },
    ]);
  });

  it('skips the preloaded neighbour, the Short its overlay links to and the slot still loading', () => {
    const ids = result().readings.map((r) => r.postId);
    expect(ids).not.toContain('Rb7nT3vX8cJ'); // preloaded below, with counts of its own
    expect(ids).not.toContain('Wm3xC8vB1nQ'); // the overlay's link to another Short
    // The active reel and its overlay both stand for the Short (read once each, the same);
    // the neighbour and the empty slot are not candidates.
    expect([result().candidates, result().readings.length, result().problems]).toEqual([2, 2, []]);
  });
});
