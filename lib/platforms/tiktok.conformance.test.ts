/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';
import { tiktok } from './tiktok';

/**
 * The 2025 capture is a video page in the one-column layout: 13
 * article[data-e2e="recommend-list-item-container"], the first two filled (the page's video, then a
 * recommendation; both with their player mounted) and eleven empty placeholders. Its address is in
 * its canonical link. Expected values were read off the capture's markup by hand.
 */
const CAPTURE = 'metascraper-tiktok-video-2025-12.html';
const PAGE = 'https://www.tiktok.com/@illojuan/video/7571863205253778710';
const FORYOU_2022 = 'trex-tiktok-foryou-2022-03.html';
const FORYOU_2026 = 'virallab-tiktok-foryou-feed-post-2026.html';
const FORYOU = 'https://www.tiktok.com/foryou';

/**
 * The 2022 For You feed: nine `div[data-e2e="recommend-list-item-container"]` cards, none with a
 * video id or a /video/ link. Read off each card by hand: the author's avatar link, then the
 * like-count, comment-count and share-count texts (no saves button in 2022).
 */
const FORYOU_2022_CARDS: [author: string, likes: string, replies: string, reposts: string][] = [
  ['yuuna_1210', '10K', '236', '167'],
  ['kelly.cruz.67', '76.3K', '1171', '262'],
  ['billel_grh', '7582', '220', '173'],
  ['7_footskills', '2.2M', '9521', '9516'],
  ['beenyvd', '578.2K', '1508', '296'],
  ['laurencia974', '73.1K', '1466', '299'],
  ['shaq', '787.4K', '15.2K', '22.2K'],
  ['emmarenucci_', '10.1K', '21', '6'],
  ['millesime_k', '12.1K', '377', '365'],
];

/** What a card's text stands for: exact when plain, the half-up range around it when compact. */
function shown(text: string) {
  const compact = /^(\d+)(?:\.(\d))?([KM])$/.exec(text);
  if (!compact) return { precision: 'exact', value: Number(text) };
  const step = (compact[3] === 'K' ? 1_000 : 1_000_000) / (compact[2] ? 10 : 1);
  const value = Number(`${compact[1]}${compact[2] ?? ''}`) * step;
  return { precision: 'rounded', value, min: value - step / 2, max: value + step / 2 };
}

describe.skipIf(!realCapturesAvailable)(
  `TikTok adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every TikTok capture in ../shared', () => {
      expect(realCaptureFiles('tiktok')).toEqual([CAPTURE, FORYOU_2022, FORYOU_2026].sort());
    });

    it('reads the two filled articles with the counts they show, and no placeholder', () => {
      const result = tiktok.scan(loadRealCapture('tiktok', CAPTURE), { url: new URL(PAGE) });
      expect(result.candidates).toBe(2); // the eleven empty articles are not candidates
      expect(result.problems).toEqual([]);
      const [video, next] = result.readings;
      expect(result.readings).toHaveLength(2);

      // <strong data-e2e="like-count">25.5K</strong>, comment-count 146, undefined-count 1311, share-count 2156;
      // the player wrapper is div#xgwrapper-0-7571863205253778710.
      expect(video).toMatchObject({
        postId: '7571863205253778710',
        url: PAGE,
        author: 'illojuan',
        postedAt: Date.parse('2025-11-12T15:36:23Z'), // the page shows "· 11-12"
        promoted: true, // data-e2e="sponsored-tag": "Paid partnership"
        counts: {
          likes: { precision: 'rounded', value: 25500, min: 25450, max: 25550 },
          replies: { precision: 'exact', value: 146 },
          bookmarks: { precision: 'exact', value: 1311 },
          reposts: { precision: 'exact', value: 2156 },
        },
      });
      expect(video!.text).toMatch(/^La nueva locurilla de fin de año: me he puesto un uniforme de trabajo/);
      expect(video!.text).toContain('@burgerking_es'); // a mention, not the author

      // like-count 35.3K, comment-count 223, undefined-count 1852, share-count 24.8K; xgwrapper-0-7586458564600827138.
      expect(next).toMatchObject({
        postId: '7586458564600827138',
        url: 'https://www.tiktok.com/@lacasa2edicion/video/7586458564600827138',
        author: 'lacasa2edicion',
        text: '😅😂 #ruth #empoderada #ruthempoderada',
        counts: {
          likes: { precision: 'rounded', value: 35300 },
          replies: { precision: 'exact', value: 223 },
          bookmarks: { precision: 'exact', value: 1852 },
          reposts: { precision: 'rounded', value: 24800, min: 24750, max: 24850 },
        },
      });
      expect(next!.promoted).toBeUndefined();
      // Its stale AI summary ("Descubre el menú Mystery King…", left from the first video) is not its text.
      expect(next!.text).not.toContain('Mystery King');
    });

    it(`reads the nine cards of ${FORYOU_2022} (2022: divs, not articles, and no video ids)`, () => {
      const result = tiktok.scan(loadRealCapture('tiktok', FORYOU_2022), { url: new URL(FORYOU) });
      expect(result.candidates).toBe(9);
      expect(result.problems).toEqual([]);
      expect(result.readings.map((r) => r.author)).toEqual(FORYOU_2022_CARDS.map(([author]) => author));
      result.readings.forEach((reading, i) => {
        const [author, likes, replies, reposts] = FORYOU_2022_CARDS[i]!;
        // No id on the card: keyed by author and a fingerprint, linked to the author's profile.
        expect(reading.postId).toMatch(new RegExp(`^fyp:${author.replace('.', '\\.')}:[0-9a-f]{8}$`));
        expect(reading.url).toBe(`https://www.tiktok.com/@${author}`);
        expect(reading.counts).toEqual({
          likes: expect.objectContaining(shown(likes)),
          replies: expect.objectContaining(shown(replies)),
          reposts: expect.objectContaining(shown(reposts)),
        });
      });
      expect(new Set(result.readings.map((r) => r.postId)).size).toBe(9);
      expect(result.readings[0]!.text).toBe('🌹🌕#おすすめ #コスプレ #制服');
    });

    it(`reads ${FORYOU_2026}: its id only in the player wrapper (div#xgwrapper-0-<id>), its four counts`, () => {
      const result = tiktok.scan(loadRealCapture('tiktok', FORYOU_2026), { url: new URL(FORYOU) });
      expect(result).toMatchObject({ candidates: 1, problems: [] });
      // like-count "392.5K", comment-count "1309", favorite-count "33.9K", share-count "29.1K".
      expect(result.readings).toEqual([
        expect.objectContaining({
          postId: '7621275106957970702',
          url: 'https://www.tiktok.com/@rajpoootii/video/7621275106957970702',
          author: 'rajpoootii',
          postedAt: Date.parse('2026-03-25T19:19:48Z'), // the id's top 32 bits; saved in June 2026
          text: '🤍',
          counts: {
            likes: expect.objectContaining(shown('392.5K')),
            replies: expect.objectContaining(shown('1309')),
            bookmarks: expect.objectContaining(shown('33.9K')),
            reposts: expect.objectContaining(shown('29.1K')),
          },
        }),
      ]);
    });
  },
);
