/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { facebook, reactionBreakdown, readCounts } from './facebook';
import type { ReadProblem } from './types';
import { SKIP_NOTE, loadRealCapture, realCaptureFiles, realCapturesAvailable } from './real-captures';

const FOOTER = 'callmeteus-fb-feed-post-actionbar-excerpt-2026.html';

/**
 * The only Facebook capture is an excerpt: the footer of one pt-BR feed post (2026), cut inside its
 * reactions toolbar. By hand: the like button (aria-label "Curtir", hook like_button) shows "19",
 * the comment button ("Deixe um comentário", hook comment_button) shows "9", there is no share
 * button, and the toolbar "Veja quem reagiu a isso" starts with "Haha: 9 pessoas" before the cut.
 * The excerpt has NO permalink (the post header was not captured), so no full reading — id,
 * address, author — is possible: the test reads its counts with the adapter's count reader, and
 * checks that the adapter, given the footer as a post, stores nothing and reports the missing id.
 */
describe.skipIf(!realCapturesAvailable)(
  `Facebook adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has an expectation for every Facebook capture in ../shared', () => {
      expect(realCaptureFiles('facebook')).toEqual([FOOTER]);
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

    it('stores nothing from the excerpt wrapped as a feed unit: it has no permalink, and says so', () => {
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
