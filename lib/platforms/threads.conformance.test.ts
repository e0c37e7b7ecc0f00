/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { SKIP_NOTE, realCaptureFiles, realCapturesAvailable } from './real-captures';

/**
 * No real capture of Threads exists, so the Threads adapter rests on the research notes and
 * hand-written fixtures alone (confidence low). The test says so by its title in every run, and
 * fails on purpose the day a capture appears in ../shared/fixtures/real/threads/: then check the
 * adapter against it and replace this test with one that asserts the counts the capture holds.
 */
describe.skipIf(!realCapturesAvailable)(
  `Threads adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('Threads: no real capture exists; checked on hand-written fixtures only', () => {
      expect(realCaptureFiles('threads')).toEqual([]);
    });
  },
);
