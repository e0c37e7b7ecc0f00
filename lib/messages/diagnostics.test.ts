import { describe, expect, it } from 'vitest';
import { validateFallbackMessage, validateHealthMessage } from './page-store';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('drift and hiding diagnostics from a content script', () => {
  it('keep why reading paused and what was recognized, and drop what is malformed', () => {
    const diagnostic = {
      reason: 'not-found',
      selector: 'post: article',
      locale: 'en',
      candidates: 0,
      readings: 0,
      at: NOW,
      recognized: [{ name: 'permalinks /status/<id>', posts: 6 }, { name: 42, posts: 1 }, 'junk'],
    };
    const report = { type: 'reader-health', platform: 'x', status: 'paused', diagnostic };
    expect(validateHealthMessage(report, 'x')?.diagnostic).toEqual({
      ...diagnostic,
      recognized: [{ name: 'permalinks /status/<id>', posts: 6 }],
    });
    const odd = { ...report, diagnostic: { ...diagnostic, reason: 'gremlins', recognized: 'lots' } };
    expect(validateHealthMessage(odd, 'x')?.diagnostic).not.toHaveProperty('reason');
    expect(validateHealthMessage(odd, 'x')?.diagnostic).not.toHaveProperty('recognized');
  });

  it('accept a hiding fallback report only for the sender’s platform, with a few short examples', () => {
    const report = {
      type: 'hiding-fallback',
      platform: 'x',
      hidden: 3,
      examples: ['button > b: "12"', 'x'.repeat(500)],
    };
    expect(validateFallbackMessage(report, 'x')).toEqual({ ...report, examples: ['button > b: "12"'] });
    expect(validateFallbackMessage(report, 'reddit')).toBeUndefined();
    expect(validateFallbackMessage({ ...report, hidden: 0 }, 'x')).toBeUndefined();
    expect(validateFallbackMessage({ ...report, hidden: 'many' }, 'x')).toBeUndefined();
    expect(validateFallbackMessage({ ...report, examples: undefined }, 'x')).toBeUndefined();
  });
});
