/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { SKIP_NOTE, realCaptureFiles, realCapturesAvailable } from './real-captures';

/**
 * No real capture of Threads exists, so the Threads adapter rests on the research notes and
 * hand-written fixtures alone (confidence low). This test fails on purpose the day a capture
 * appears in ../shared/fixtures/real/threads/: then check the adapter against it and replace this
 * test with one that asserts the counts the capture holds.
 */
describe.skipIf(!realCapturesAvailable)(
  `Threads adapter on real captures${realCapturesAvailable ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    it('has no real capture of Threads to check against yet (add the checks when one appears)', () => {
      expect(realCaptureFiles('threads')).toEqual([]);
    });
  },
);
