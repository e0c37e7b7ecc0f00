/** @vitest-environment happy-dom */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';
import { youtube } from './youtube';

/**
 * The 2022 capture is a watch page (ytd-video-primary-info-renderer, ytd-toggle-button-renderer
 * like button, 20 related ytd-compact-video-renderer) with the pages visited before it still in
 * its DOM, hidden: the home grid (24 ytd-rich-item-renderer) and a search (27 ytd-video-renderer).
 * Expected values were read off the capture's markup by hand.
 */
const CAPTURE = 'trex-youtube-watch-2022-03.html';
const PAGE = 'https://www.youtube.com/watch?v=TToaf5MtiGI';

/** Card → views, from each card's title label ("… 3,303,975 views") beside its "3.3M views". */
const RELATED: Record<string, number> = {
  SEXdt5HCnCI: 1113926, // "1.1M views"
  NriQqhp7yFA: 239802, // "239K views"
  BkzxY7rzcqY: 5121, // "5.1K views"
  cdg6tvzQMcM: 1709132, // "1.7M views"
};
const HOME_AND_SEARCH: Record<string, number | undefined> = {
  '6aBjJ7mviDc': 3303975, // home, "3.3M views", title contains "4K"
  YJKHqMwiBl0: 202008, // home, label continues after the views ("… viewers also watch this channel")
  Edx9D2yaOGs: 18790980, // search, "18M views"
  TToaf5MtiGI: 1608156, // search: the watched video's own card, "1.6M views"
  uP8RZtU3pPo: undefined, // search, "No views": no number, so no count
};

const valueOf = (views: number | undefined) =>
  views === undefined ? undefined : expect.objectContaining({ precision: 'exact', value: views });

describe.skipIf(!realCapturesAvailable)(
  `YouTube adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every YouTube capture in ../shared', () => {
      expect(realCaptureFiles('youtube')).toEqual([CAPTURE]);
    });

    // Parsed once: the capture is 960 KB.
    let doc: Document;
    let readings: PostReading[] = [];
    beforeAll(() => {
      doc = loadRealCapture('youtube', CAPTURE);
      readings = youtube.read(doc, { url: new URL(PAGE) });
    }, 60_000);

    it('reads the 2022 watch page: like label "68,066 other people", "1,608,156 views", exactly', () => {
      expect(readings[0]).toMatchObject({
        postId: 'TToaf5MtiGI',
        url: 'https://www.youtube.com/watch?v=TToaf5MtiGI',
        author: 'UCoUmahSj6YHyUb8kuGR-lwg', // the owner links to /channel/<id>; 2022 had no handles
        text: 'I Placed Maximum Ads On This Video.',
        counts: {
          likes: { precision: 'exact', value: 68066 },
          views: { precision: 'exact', value: 1608156 },
        },
      });
      // Comments had not loaded (ytd-comments is hidden and empty): no count, not 0.
      expect(readings[0]!.counts.replies).toBeUndefined();
    });

    it('reads the 20 related cards, with exact views and no likes, and nothing of the hidden pages', () => {
      const cards = readings.slice(1);
      expect(cards).toHaveLength(20);
      expect(cards.every((c) => c.counts.views?.precision === 'exact' && !c.counts.likes)).toBe(true);
      for (const [id, views] of Object.entries(RELATED)) {
        expect(cards.find((r) => r.postId === id)?.counts.views, id).toEqual(valueOf(views));
      }
      expect(readings.filter((r) => r.postId === 'TToaf5MtiGI')).toHaveLength(1);
    });

    it('reads the home and search cards as they were when those pages were shown', () => {
      for (const page of doc.querySelectorAll('ytd-browse, ytd-search')) page.removeAttribute('hidden');
      const all = youtube.read(doc, { url: new URL('https://www.youtube.com/') });
      // 71 cards, one of them a Mix ("Mix - InnTale", a list= link), plus the watch page.
      expect(all).toHaveLength(71);
      expect(all.find((r) => r.postId === 'EkT7KUI5Rng')).toBeUndefined();
      const cards = all.filter((r) => !r.counts.likes);
      expect(cards).toHaveLength(70);
      for (const [id, views] of Object.entries(HOME_AND_SEARCH)) {
        const card = cards.find((r) => r.postId === id);
        expect(card, id).toBeDefined();
        expect(card!.counts.views, id).toEqual(valueOf(views));
      }
      expect(cards.filter((r) => r.counts.views?.precision === 'exact')).toHaveLength(69);
      // One video on all three pages, each built at a different time: home 5,127, related 5,121, search 5,120.
      expect(all.filter((r) => r.postId === 'BkzxY7rzcqY').map((r) => r.counts.views)).toEqual(
        [5127, 5121, 5120].map(valueOf),
      );
      expect(all.find((r) => r.postId === 'cRfkYy6tp_0')?.author).toBe('breakingitaly'); // /user/breakingitaly
    });
  },
);
