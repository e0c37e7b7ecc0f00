import { describe, expect, it } from 'vitest';
import { defaultSettings, hiddenMetrics, isHidingOn, normalizeSettings, withSiteHiding } from './settings';

describe('settings', () => {
  it('hide nothing until the user turns a site on, and then every count on that site only', () => {
    const settings = defaultSettings();
    expect(hiddenMetrics(settings, 'x')).toEqual([]);
    const on = withSiteHiding(settings, 'x', true);
    expect(hiddenMetrics(on, 'x')).toEqual(['likes', 'reposts', 'replies', 'views', 'bookmarks', 'followers']);
    expect(hiddenMetrics(on, 'reddit')).toEqual([]);
  });

  it('lets the main switch turn all hiding off without forgetting the sites', () => {
    const on = withSiteHiding(defaultSettings(), 'x', true);
    const off = { ...on, hide: { ...on.hide, enabled: false } };
    expect(isHidingOn(off, 'x')).toBe(false);
    expect(isHidingOn(withSiteHiding(off, 'x', true), 'x')).toBe(true); // turning a site on turns the main switch on
  });

  it('honours per-metric choices', () => {
    const on = withSiteHiding(defaultSettings(), 'x', true);
    const likesOnly = normalizeSettings({
      hide: {
        ...on.hide,
        metrics: { likes: true, reposts: false, replies: false, views: false, bookmarks: false, followers: false },
      },
    });
    expect(hiddenMetrics(likesOnly, 'x')).toEqual(['likes']);
  });

  it('repairs damaged stored settings field by field instead of flipping hiding', () => {
    const repaired = normalizeSettings({ hide: { enabled: 'yes', sites: { x: true, reddit: 'no' }, metrics: null } });
    expect(repaired.hide.enabled).toBe(true);
    expect(repaired.hide.sites.x).toBe(true);
    expect(repaired.hide.sites.reddit).toBe(false);
    expect(repaired.hide.metrics.likes).toBe(true);
    expect(normalizeSettings('garbage')).toEqual(defaultSettings());
  });
});
