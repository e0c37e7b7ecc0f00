/** @vitest-environment happy-dom */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';
import { youtube } from './youtube';

/**
 * Every YouTube capture in ../shared, each count asserted. Expected values were read off the
 * captures' markup by hand (the labels' exact numbers, the visible texts).
 *
 * The 2022 watch capture is a watch page (ytd-video-primary-info-renderer, ytd-toggle-button-renderer
 * like button, 20 related ytd-compact-video-renderer) with the pages visited before it still in
 * its DOM, hidden: the home grid (24 ytd-rich-item-renderer) and a search (27 ytd-video-renderer).
 * Expected values were read off the capture's markup by hand.
 */
const CAPTURE = 'trex-youtube-watch-2022-03.html';
const CAPTURES = [
  'trex-youtube-home-de-2022-03.html',
  'trex-youtube-search-tr-2022-03.html',
  CAPTURE,
  'virallab-youtube-shorts-player-overlay-2026.html',
];
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
      expect(realCaptureFiles('youtube')).toEqual(CAPTURES);
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
      // Back on the home page: the search and home are shown, the watch page hidden behind the miniplayer.
      for (const page of doc.querySelectorAll('ytd-browse, ytd-search')) page.removeAttribute('hidden');
      doc.querySelector('ytd-watch-flexy')!.setAttribute('hidden', '');
      const cards = youtube.read(doc, { url: new URL('https://www.youtube.com/') });
      // 51 cards, one of them a Mix ("Mix - InnTale", a list= link); no likes anywhere.
      expect(cards).toHaveLength(50);
      expect(cards.find((r) => r.postId === 'EkT7KUI5Rng')).toBeUndefined();
      expect(cards.every((r) => !r.counts.likes)).toBe(true);
      for (const [id, views] of Object.entries(HOME_AND_SEARCH)) {
        const card = cards.find((r) => r.postId === id);
        expect(card, id).toBeDefined();
        expect(card!.counts.views, id).toEqual(valueOf(views));
      }
      expect(cards.filter((r) => r.counts.views?.precision === 'exact')).toHaveLength(49);
      // One video on all three pages, each built at a different time: home 5,127, search 5,120
      // (and related 5,121, above).
      expect(cards.filter((r) => r.postId === 'BkzxY7rzcqY').map((r) => r.counts.views)).toEqual(
        [5127, 5120].map(valueOf),
      );
      expect(cards.find((r) => r.postId === 'cRfkYy6tp_0')?.author).toBe('breakingitaly'); // /user/breakingitaly
    });
  },
);

const exact = (value: number) => ({ precision: 'exact', value });
/** Each card's id → its views, or null where the card has none. */
const viewsById = (readings: PostReading[]) =>
  Object.fromEntries(
    readings.map((r) => {
      const views = r.counts.views;
      return [r.postId, views && 'value' in views ? { precision: views.precision, value: views.value } : null];
    }),
  );

/**
 * The German home grid: 29 video cards (each title label ends with its exact views, "… 159.020
 * Aufrufe"), an ad and a Mix. Two cards are live: their metadata line counts people watching now
 * ("1613 aktive Zuschauer"), their labels the total views; one is upcoming ("39 warten"; its label
 * says "Keine Aufrufe", no views).
 */
const HOME_DE: Record<string, number | null> = {
  GXC77YehDGY: null, // upcoming: "39 warten", label "Keine Aufrufe"
  s3PR9pySd1E: 159020,
  I6Y47lihQ2A: 47420,
  MzbwLygBSVk: 77116,
  SNCQsu5uXbo: 38900894, // "38 Mio. Aufrufe"
  RAY66mQ6ZWY: 143012,
  ammKCeCKdhI: 233309,
  VaAo9pPGWnE: 5275, // visible "5275", label "5.275"
  U9clxXoBEI0: 14052,
  '6-RvNfCHfuY': 30717,
  BDcYAoZySW8: 20103,
  W_GmhbbU5M8: 40086,
  bosFd2i4mUw: 17769, // a past stream: "17.769 Aufrufe vor 4 Stunden gestreamt"
  lKkIoUAwXCg: 69216,
  'bp-JkjvVrdY': 3048,
  C29ugQqjsG8: 948119,
  GbXYZwUigCM: 2200592, // "2,2 Mio. Aufrufe"; the title says "4K"
  fNyp2DHhlYE: 959,
  q3uXXh1sHcI: 4205678,
  ei7kbQhK1hA: 1444431, // live: "1613 aktive Zuschauer"
  's-7lyvblFNI': 6438735,
  rPt79QYxXEc: 5359676,
  '58OxTUPGdAs': 2361121,
  iqFaRlyMY8s: 3139780,
  ZhDNtEe0kGM: 4202832, // live: "7065 aktive Zuschauer"
  '9SAro36cIeo': 62070,
  '3lI_zOkuY34': 5340193,
  N1kOKmzcgQg: 804717,
  nccyIm4NpAM: 2883941,
};

/** The Turkish search: 26 results, "487 B görüntüleme" beside labels ending "487.734 görüntüleme". */
const SEARCH_TR: Record<string, number> = {
  AhfNtK99Zl8: 487734,
  '83NNuoT7FpE': 683834,
  TWSgURqgaw4: 192357,
  AyloWzEkdHg: 177159,
  cB3OTpqIYFM: 212921,
  oiDHUdfOyvc: 36990,
  MX4rBHn2Kqo: 4494455, // "4,4 Mn görüntüleme"
  ym0AwW1YDJw: 241924,
  fm0IKQPwk5A: 22660,
  jpoU9GhJLOE: 25281,
  fuvfpignVCo: 31049,
  '8mKFdBERlj0': 31433,
  z5GLHzWutKM: 1562042,
  Huec5bh0vjc: 1284609,
  ngJNgwJKtnI: 1400648,
  _gevlxfH8fY: 1124293,
  '1v2U5RwHkGw': 274378,
  QsMlJMIdCYg: 1759288,
  TicqGtf6qzA: 199608,
  KXw9Or8aS0k: 61059,
  eNXACWhv5vM: 572788,
  '0a5LkZ0Ln2s': 173918,
  Vwr97tFmsBg: 806711,
  '8gCqO11jw2E': 47890,
  z0eUWNSV5cg: 111996,
  '_qfs_pX-CCk': 10607,
};

const expected = (table: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(table).map(([id, views]) => [id, views === null ? null : exact(views)]));

describe.skipIf(!realCapturesAvailable)(
  `YouTube adapter on the 2022 German home and Turkish search captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  // Scanning a 1.3 MB page in happy-dom takes seconds on a loaded machine.
  { timeout: 30_000 },
  () => {
    // Parsed once each: the captures are 0.5 and 1.3 MB.
    let home: Document;
    let search: Document;
    beforeAll(() => {
      home = loadRealCapture('youtube', 'trex-youtube-home-de-2022-03.html');
      search = loadRealCapture('youtube', 'trex-youtube-search-tr-2022-03.html');
    }, 60_000);

    it('reads every home card’s views from its label, and never people watching or waiting as views', () => {
      const doc = home;
      const scan = youtube.scan(doc, { url: new URL('https://www.youtube.com/') });
      expect(viewsById(scan.readings as PostReading[])).toEqual(expected(HOME_DE));
      expect(scan.readings.every((r) => !r.counts.likes)).toBe(true);
      // The ad, the Mix and the empty hidden watch page are skipped, not unreadable candidates.
      expect(scan.candidates).toBe(29);
      expect(scan.problems).toEqual([]);
    });

    it('reads the 26 search results, and nothing of the hidden home page placed before them', () => {
      const doc = search;
      const url = new URL('https://www.youtube.com/results?search_query=muhte%C5%9Fem+y%C3%BCzy%C4%B1l+leo');
      const scan = youtube.scan(doc, { url });
      expect(viewsById(scan.readings as PostReading[])).toEqual(expected(SEARCH_TR));
      expect(scan.candidates).toBe(26);
      // The page's first part alone (what a first scan of the loading page sees) has no candidates
      // at all: a page of skipped elements is never judged unreadable.
      const hiddenHome = youtube.scan(doc.querySelector('ytd-browse[hidden]')!, { url });
      expect([hiddenHome.candidates, hiddenHome.readings.length]).toEqual([0, 0]);
    });

    it('reads the watch page kept hidden in the search capture once it is shown: likes, views, comments', () => {
      const doc = search;
      doc.querySelector('ytd-watch-flexy')!.removeAttribute('hidden');
      doc.querySelector('ytd-search')!.setAttribute('hidden', '');
      const [video] = youtube.read(doc, { url: new URL('https://www.youtube.com/watch?v=83NNuoT7FpE') });
      // Like label "diğer 6.603 kişi gibi bu videoyu beğen", "683.834 görüntüleme", "1.040 Yorum".
      expect(video).toMatchObject({
        postId: '83NNuoT7FpE',
        counts: { likes: exact(6603), views: exact(683834), replies: exact(1040) },
      });
    });
  },
);

describe.skipIf(!realCapturesAvailable)(
  `YouTube adapter on the 2026 Shorts player capture${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    const SHORT = 'https://www.youtube.com/shorts/fMcqCGw7rfo';
    const load = () => loadRealCapture('youtube', 'virallab-youtube-shorts-player-overlay-2026.html');

    it('reads the active Short at its address: likes "909 thousand" as a range, comments "1,338" exactly', () => {
      const [short, ...rest] = youtube.read(load(), { url: new URL(SHORT) });
      expect(rest).toEqual([]);
      expect(short).toMatchObject({
        postId: 'fMcqCGw7rfo',
        url: SHORT,
        author: 'F41Football',
        text: 'Arda Guler Finally Scored Long Shot 🥶',
        counts: {
          // "like this video along with 909 thousand other people" and "909K": 909,000–909,999.
          likes: { precision: 'rounded', value: 909000, min: 909000, max: 910000 },
          replies: { precision: 'exact', value: 1338 },
        },
      });
      // The Shorts player shows no views: none stored, not 0.
      expect(short!.counts.views).toBeUndefined();
    });

    it('never takes the Short its overlay links to (another video) for the one on screen', () => {
      const doc = load();
      expect(doc.querySelector('a[href*="/shorts/_EiPOq9t95Q"]')).not.toBeNull();
      const keys = youtube.read(doc, { url: new URL(SHORT) }).map((r) => r.postId);
      expect(keys).toEqual(['fMcqCGw7rfo']);
    });

    it('reads the overlay only inside the active reel, as YouTube nests it, and not a preloaded one', () => {
      const doc = load();
      const overlay = doc.getElementById('experiment-overlay')!;
      const [active, preloaded] = ['fMcqCGw7rfo', 'Nb8xL2kQ4rT'].map(() =>
        doc.createElement('ytd-reel-video-renderer'),
      );
      active!.setAttribute('is-active', '');
      active!.append(overlay);
      preloaded!.append(overlay.cloneNode(true));
      doc.body.append(active!, preloaded!);
      const scan = youtube.scan(doc, { url: new URL(SHORT) });
      expect(new Set(scan.readings.map((r) => r.postId))).toEqual(new Set(['fMcqCGw7rfo']));
      // The neighbour (its reel and its overlay) is skipped, not an unreadable candidate.
      expect(scan.readings.length).toBe(scan.candidates);
    });
    it('hides the masthead bell’s unread count ("7" in the 2022 German home capture), not the bell', () => {
      const home = loadRealCapture('youtube', 'trex-youtube-home-de-2022-03.html');
      const badges = youtube.hide.notifications!.flatMap((selector) => [...home.querySelectorAll(selector)]);
      expect(badges.map((badge) => badge.textContent!.trim())).toEqual(['7']);
      expect(badges[0]!.querySelector('svg, button')).toBeNull();
    }, 60_000);
  },
);
