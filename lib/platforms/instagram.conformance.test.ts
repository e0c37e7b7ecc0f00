import { describe, expect, it } from 'vitest';
import { REAL_CAPTURES_DIR, realCaptureFiles } from './real-captures';

/**
 * No project has published a real Instagram page capture we could use, so the Instagram adapter is
 * checked against hand-written fixtures only (instagram.test.ts). This test fails on purpose the
 * day a capture appears in ../shared/fixtures/real/instagram: then it must be read here, as the
 * other platforms' captures are.
 */
describe('Instagram adapter on real captures', () => {
  it(`has none yet: ${REAL_CAPTURES_DIR}/instagram holds no capture (replace this test when one arrives)`, () => {
    expect(realCaptureFiles('instagram')).toEqual([]);
  });
});
