import { describe, expect, it } from 'vitest';
import { SNOOZE_MS, defaultSettings, hiddenMetrics, withSiteHiding, withSnooze } from '../settings/settings';
import { toggledHiding } from './commands';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('the hide shortcut', () => {
  it('hides counts on the current site when they show, and shows them when hidden', () => {
    const hidden = toggledHiding(defaultSettings(), 'x', NOW);
    expect(hiddenMetrics(hidden, 'x', NOW)).toContain('likes');
    expect(hiddenMetrics(hidden, 'reddit', NOW)).toEqual([]);
    expect(hiddenMetrics(toggledHiding(hidden, 'x', NOW), 'x', NOW)).toEqual([]);
  });

  it('turns the main switch back on, and ends a snooze, when hiding', () => {
    const off = { ...defaultSettings(), hide: { ...defaultSettings().hide, enabled: false } };
    expect(hiddenMetrics(toggledHiding(off, 'x', NOW), 'x', NOW)).toContain('likes');
    const snoozed = withSnooze(withSiteHiding(defaultSettings(), 'x', true), NOW + SNOOZE_MS);
    // Snoozed counts show, so the shortcut turns the site off rather than hiding again…
    expect(toggledHiding(snoozed, 'x', NOW).hide.sites.x).toBe(false);
    // …and pressed once more it hides at once, snooze or not.
    expect(hiddenMetrics(toggledHiding(toggledHiding(snoozed, 'x', NOW), 'x', NOW), 'x', NOW)).toContain('likes');
  });
});
