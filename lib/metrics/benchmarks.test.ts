import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '../model';
import { t } from '../ui/i18n';
import { benchmarkCaveat, PUBLISHED_BENCHMARKS } from './benchmarks';

describe('published benchmarks shown as context', () => {
  it('each name the report, its data, its method and where the figures were taken from', () => {
    expect(PUBLISHED_BENCHMARKS.length).toBeGreaterThan(0);
    for (const b of PUBLISHED_BENCHMARKS) {
      for (const field of [b.source, t(b.data), t(b.method), b.via]) expect(field.trim()).not.toBe('');
    }
    // One report per row: the dashboard's rows are told apart by their source.
    expect(new Set(PUBLISHED_BENCHMARKS.map((b) => b.source)).size).toBe(PUBLISHED_BENCHMARKS.length);
  });

  it('give rates as fractions between 0 and 1, for platforms Feedlens reads', () => {
    for (const b of PUBLISHED_BENCHMARKS) {
      const entries = Object.entries(b.rates);
      expect(entries.length, b.source).toBeGreaterThan(0);
      for (const [platform, rate] of entries) {
        expect(PLATFORM_IDS, b.source).toContain(platform);
        // A percentage typed as 5.69 instead of 0.0569 would show as 569%.
        expect(rate, `${b.source} ${platform}`).toBeGreaterThan(0);
        expect(rate, `${b.source} ${platform}`).toBeLessThan(1);
      }
    }
  });

  it('come with the warning that methods differ', () => {
    expect(benchmarkCaveat()).toMatch(/^Methods differ/);
    expect(benchmarkCaveat()).toContain('Compare within one method only');
    // The two figures that show how far methods drift apart, as percentages of the UI language.
    expect(benchmarkCaveat()).toContain('give 0.26% and 3.8% for the same industry');
  });
});
