import { describe, expect, it } from 'vitest';
import { exact, type Counts } from '../model';
import type { ReadProblem, ScanResult } from '../platforms/types';
import { initialHealth, pauseForDrift, updateHealth, type HealthState } from './health';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const draft = (counts: Counts) => ({ platform: 'x' as const, postId: '1', url: 'https://x.com/a/status/1', counts });
const scan = (readings: Counts[], problems: ReadProblem[] = [], candidates = readings.length): ScanResult => ({
  readings: readings.map(draft),
  sources: [],
  candidates,
  problems,
});
const failure: ReadProblem = { field: 'likes', selector: '[data-testid="like"]', raw: '1,2,3' };
const fold = (state: HealthState, ...scans: ScanResult[]) =>
  scans.reduce((s, next) => updateHealth(s, next, 'en', NOW, 'article'), state);

describe('reading health', () => {
  it('pauses for counts that stop parsing, and resumes only once enough of them parse again', () => {
    const paused = fold(initialHealth(), scan([{}, {}, {}], [failure, failure, failure]));
    expect(paused.status).toBe('paused');
    expect(paused.diagnostic).toMatchObject({
      reason: 'counts',
      selector: 'likes: [data-testid="like"]',
      raw: '1,2,3',
    });
    // One good post is not enough to trust the counts again…
    const one = fold(paused, scan([{ likes: exact(4) }]));
    expect(one.status).toBe('paused');
    // …three parsing counts, more than the failures since the pause, are.
    const back = fold(one, scan([{ likes: exact(5), replies: exact(1) }], [failure]), scan([{ likes: exact(6) }]));
    expect(back.status).toBe('reading');
    expect(back.diagnostic).toBeUndefined();
  });

  it('resumes from a layout pause with the first post read', () => {
    const drifted = pauseForDrift(
      initialHealth(),
      { recognized: [{ name: 'links', posts: 4 }], unseen: 4 },
      'de',
      NOW,
      'article',
    );
    expect(drifted.diagnostic).toMatchObject({ reason: 'not-found', selector: 'post: article', locale: 'de' });
    expect(fold(drifted, scan([], [], 0)).status, 'a scan without candidates says nothing').toBe('paused');
    expect(fold(drifted, scan([{ likes: exact(1) }])).status).toBe('reading');
  });
});
