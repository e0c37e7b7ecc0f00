/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { facebook, reactionBreakdown, readCounts } from './facebook';
import type { ReadProblem } from './types';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';

const FOOTER = 'callmeteus-fb-feed-post-actionbar-excerpt-2026.html';
const HOME_POST = 'virallab-facebook-home-feed-post-2026.html';

/** A capture's excerpt inside a feed unit, the wrapper the excerpt left out. */
function asFeedUnit(file: string): Document {
  const doc = loadRealCapture('facebook', file);
  const unit = doc.createElement('div');
  unit.setAttribute('aria-posinset', '1');
  unit.append(...Array.from(doc.body.childNodes));
  doc.body.append(unit);
  return doc;
}

/**
 * The first capture is an excerpt: the footer of one pt-BR feed post (2026), cut inside its
 * reactions toolbar. By hand: the like button (aria-label "Curtir", hook like_button) shows "19",
 * the comment button ("Deixe um comentário", hook comment_button) shows "9", there is no share
 * button, and the toolbar "Veja quem reagiu a isso" starts with "Haha: 9 pessoas" before the cut.
 * The excerpt has NO permalink, author, photo or text (the post header was not captured), so no key,
 * not even a fallback one, and no full reading — id, address, author — is possible: the test reads its counts with the adapter's count reader, and
 * checks that the adapter, given the footer as a post, stores nothing and reports the missing id.
 */
describe.skipIf(!realCapturesAvailable)(
  `Facebook adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every Facebook capture in ../shared', () => {
      expect(realCaptureFiles('facebook')).toEqual([FOOTER, HOME_POST]);
    });

    /**
     * The English News Feed post of June 2026 (page "Varlamov", a photo post), by hand: the like button
     * shows "9.1K", the comment button "602", the share button "23"; the toolbar labels say
     * "Like: 8.1K people" and "Love: 592 people"; the time link is scrambled letters pointing at the
     * home page (no permalink); the photo links to /photo/?fbid=1568024148020528; the message is the
     * translated "Preparing an answer to the Shaman!".
     */
    it(`reads ${HOME_POST}: 9.1K reactions (rounded), 602 comments and 23 shares, keyed by its photo`, () => {
      const result = facebook.scan(asFeedUnit(HOME_POST), { url: new URL('https://www.facebook.com/'), locale: 'en' });
      expect(result.problems).toEqual([]);
      expect(result.readings).toEqual([
        {
          platform: 'facebook',
          // The fingerprint of author and photo; pinned, since stored records are found again by it.
          postId: 'fp:varlamov:09c5cc6e5d788d',
          url: 'https://www.facebook.com/photo/?fbid=1568024148020528',
          author: 'varlamov',
          text: 'Preparing an answer to the Shaman!',
          counts: {
            likes: { precision: 'rounded', value: 9100, min: 9050, max: 9150, raw: '9.1K' },
            replies: { precision: 'exact', value: 602, raw: '602' },
            reposts: { precision: 'exact', value: 23, raw: '23' },
          },
        },
      ]);
    });

    it('reads its reaction breakdown, which names two types adding up to less than the total', () => {
      const breakdown = reactionBreakdown(asFeedUnit(HOME_POST).body, 'en');
      expect(breakdown).toEqual([
        { label: 'Like: 8.1K people', count: { precision: 'rounded', value: 8100, min: 8050, max: 8150, raw: '8.1K' } },
        { label: 'Love: 592 people', count: { precision: 'exact', value: 592, raw: '592' } },
      ]);
    });

    it(`reads the counts of ${FOOTER}: 19 reactions, 9 comments, shares not shown`, () => {
      const doc = loadRealCapture('facebook', FOOTER);
      const problems: ReadProblem[] = [];
      const counts = readCounts(doc.body, { locale: 'pt-BR', problem: (p) => problems.push(p) });
      expect(counts).toEqual({
        likes: { precision: 'exact', value: 19, raw: '19' },
        replies: { precision: 'exact', value: 9, raw: '9' },
      });
      expect(problems).toEqual([]);
    });

    it('reads the reaction breakdown the excerpt keeps: Haha, 9 people (the rest was cut)', () => {
      const breakdown = reactionBreakdown(loadRealCapture('facebook', FOOTER).body, 'pt-BR');
      expect(breakdown).toEqual([{ label: 'Haha: 9 pessoas', count: { precision: 'exact', value: 9, raw: '9' } }]);
    });

    it('stores nothing from the excerpt wrapped as a feed unit: nothing to key it by, and it says so', () => {
      const doc = loadRealCapture('facebook', FOOTER);
      const unit = doc.createElement('div');
      unit.setAttribute('aria-posinset', '1');
      unit.append(...Array.from(doc.body.childNodes));
      doc.body.append(unit);
      const result = facebook.scan(doc, { url: new URL('https://www.facebook.com/'), locale: 'pt-BR' });
      expect(result).toMatchObject({ readings: [], candidates: 1 });
      expect(result.problems).toEqual([expect.objectContaining({ field: 'id' })]);
      // Its counts are still there for the reader once a permalink is: the same footer as a unit.
      expect(readCounts(unit, { locale: 'pt-BR', problem: () => undefined })).toMatchObject({
        likes: { value: 19 },
        replies: { value: 9 },
      });
    });
  },
);
