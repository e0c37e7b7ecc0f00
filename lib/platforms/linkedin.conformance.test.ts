/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { linkedin } from './linkedin';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';

const GUEST = 'metascraper-linkedin-company-guest-2024-10.html';
const FEED_2026 = 'virallab-linkedin-home-feed-post-2026.html';

/**
 * What the logged-out company page (uk.linkedin.com/company/audiense, Oct 2024) holds, worked out
 * from the capture by hand: each `article[data-activity-urn]` card, the activity it features
 * (`data-featured-activity-urn`: a repost card shows, and counts, an older post), its actor link,
 * `data-num-reactions` (= the aria-label "N Reactions" = the count span) and `data-num-comments`
 * (present on four cards only: the others show no comment count at all).
 */
const EXPECTED: Record<string, { author: string; likes: number; replies?: number }> = {
  '7248246460041809920': { author: 'andrewjjenkins', likes: 33, replies: 2 },
  '7247945789950353408': { author: 'company/audiense', likes: 11 },
  '7247272058634571776': { author: 'cristinajoselorente', likes: 4 }, // card activity 7247904311840542721
  '7247565845378338816': { author: 'company/audiense', likes: 2 },
  '7247504483843211266': { author: 'jesslaughton', likes: 11, replies: 1 },
  '7247234919192530944': { author: 'company/audiense', likes: 4 },
  '7246905382042845184': { author: 'alfredoartiles', likes: 5 }, // card activity 7247167389765689346
  '7246889922761027584': { author: 'company/audiense', likes: 4 },
  '7245425780460077056': { author: 'veronika-kotetishvili-aa1395228', likes: 24, replies: 5 }, // card 7246570642303578112
  '7246442683047514112': { author: 'jesslaughton', likes: 12, replies: 1 }, // card 7246478240276434944
};

describe.skipIf(!realCapturesAvailable)(
  `LinkedIn adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every LinkedIn capture in ../shared', () => {
      expect(realCaptureFiles('linkedin')).toEqual([GUEST, FEED_2026]);
    });

    /**
     * The logged-in feed of June 2026, one item, by hand: "Sima Adleyba likes this" above Merve Artis's
     * post ("1w"); the reactions link holds the hidden label "16 reactions" (the id its visible "16"
     * names with aria-labelledby), the comments button "1 comment" / "1"; Repost and Send show no
     * number; no URN or permalink in the markup; the comment box's key starts "EgsIgsC1vMrmkIPPAQ",
     * field 2 (a ugcPost) holding 7458842354569883649, whose time, 2026-05-09, fits the "1w".
     */
    it(`reads ${FEED_2026}: 16 reactions and 1 comment, exactly, keyed by the ugcPost its comment box names`, () => {
      const result = linkedin.scan(loadRealCapture('linkedin', FEED_2026), {
        url: new URL('https://www.linkedin.com/feed/'),
      });
      expect(result.problems).toEqual([]);
      expect(result.candidates).toBe(1);
      expect(result.readings).toEqual([
        {
          platform: 'linkedin',
          postId: 'ugcPost:7458842354569883649',
          url: 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7458842354569883649/',
          author: 'merve-artis',
          postedAt: Date.parse('2026-05-09T11:36:35.919Z'),
          text: expect.stringMatching(/^I always thought my first LinkedIn post would be from my graduation ceremony/),
          counts: {
            likes: { precision: 'exact', value: 16, raw: '16' },
            replies: { precision: 'exact', value: 1, raw: '1' },
          },
          // Its key before the comment box is rendered (author + start of text); pinned, since stored
          // records are found again by it.
          aliases: ['fp:merve-artis:01a03f21af1a06'],
        },
      ]);
      expect(result.readings[0]!.text).not.toMatch(/more$/);
    });

    it(`reads the ten guest cards of ${GUEST} with their exact counts`, () => {
      const result = linkedin.scan(loadRealCapture('linkedin', GUEST), {
        url: new URL('https://uk.linkedin.com/company/audiense'),
      });
      expect(result.problems).toEqual([]);
      expect(result.candidates).toBe(10);
      expect(result.readings.map((r) => r.postId).sort()).toEqual(Object.keys(EXPECTED).sort());
      for (const reading of result.readings) {
        const want = EXPECTED[reading.postId]!;
        expect(reading.url).toBe(`https://www.linkedin.com/feed/update/urn:li:activity:${reading.postId}/`);
        expect(reading.author, reading.postId).toBe(want.author);
        const counts: Record<string, number> = { likes: want.likes };
        if (want.replies !== undefined) counts.replies = want.replies;
        expect(
          Object.fromEntries(Object.entries(reading.counts).map(([m, c]) => [m, 'value' in c ? c.value : c.precision])),
          reading.postId,
        ).toEqual(counts);
        expect(Object.values(reading.counts).every((c) => c.precision === 'exact')).toBe(true);
      }
    });

    it('dates a card by the content it shows, which is what its relative label counts from', () => {
      const readings = linkedin.read(loadRealCapture('linkedin', GUEST), {
        url: new URL('https://uk.linkedin.com/company/audiense'),
      });
      // Card 1: activity 7248246460041809920 (2024-10-05 08:23) is Audiense's repost; its label "4d"
      // belongs to the featured ugcPost 7246579902655651840 (2024-09-30 18:01); the newest card, an
      // own post labelled "20h", is activity 7247945789950353408 of 2024-10-04 12:28.
      const first = readings.find((r) => r.postId === '7248246460041809920')!;
      expect(new Date(first.postedAt!).toISOString()).toBe('2024-09-30T18:01:23.737Z');
      const own = readings.find((r) => r.postId === '7247945789950353408')!;
      expect(new Date(own.postedAt!).toISOString().slice(0, 16)).toBe('2024-10-04T12:28');
      expect(first.text).toMatch(/^From Twitter tool to audience intelligence platform/);
    });
  },
);
