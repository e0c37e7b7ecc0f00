import { describe, expect, it } from 'vitest';
import {
  MAX_KEEP_DAYS,
  SNOOZE_MS,
  defaultSettings,
  hiddenMetrics,
  hidesFeedlensFigures,
  inSchedule,
  isHidingOn,
  isOwnAuthor,
  nextHidingChange,
  normalizeSettings,
  withSiteHiding,
  withSnooze,
} from './settings';

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

  it('keeps posts forever unless the user picks a whole number of days, and never reads a damaged value as a short one', () => {
    expect(defaultSettings().keepPostsDays).toBeNull();
    expect(normalizeSettings({ keepPostsDays: 90 }).keepPostsDays).toBe(90);
    expect(normalizeSettings({ keepPostsDays: MAX_KEEP_DAYS }).keepPostsDays).toBe(MAX_KEEP_DAYS);
    for (const damaged of [0, -30, 1.5, '30', Infinity, NaN, MAX_KEEP_DAYS + 1, null, undefined]) {
      expect(normalizeSettings({ keepPostsDays: damaged }).keepPostsDays).toBeNull();
    }
  });
});

describe('snooze, schedule and own posts', () => {
  const on = () => withSiteHiding(defaultSettings(), 'x', true);
  // Local times, as the schedule is: Tuesday 2026-11-24.
  const at = (day: number, hours: number, minutes = 0) => new Date(2026, 10, 22 + day, hours, minutes).getTime();

  it('shows counts while snoozed and hides them again when the snooze ends, by itself', () => {
    const now = at(2, 10);
    const snoozed = withSnooze(on(), now + SNOOZE_MS);
    expect(hiddenMetrics(snoozed, 'x', now)).toEqual([]);
    expect(hiddenMetrics(snoozed, 'x', now + SNOOZE_MS)).toContain('likes');
    expect(nextHidingChange(snoozed, now)).toBe(now + SNOOZE_MS);
  });

  it('hides only inside the chosen hours and days', () => {
    const workHours = normalizeSettings({
      ...on(),
      hide: { ...on().hide, schedule: { enabled: true, days: [1, 2, 3, 4, 5], from: 9 * 60, to: 17 * 60 } },
    });
    expect(hiddenMetrics(workHours, 'x', at(2, 10))).toContain('likes'); // Tuesday 10:00
    expect(hiddenMetrics(workHours, 'x', at(2, 18))).toEqual([]); // Tuesday 18:00
    expect(hiddenMetrics(workHours, 'x', at(6, 10))).toEqual([]); // Saturday
    expect(new Date(nextHidingChange(workHours, at(2, 10))!)).toEqual(new Date(at(2, 17)));
    expect(new Date(nextHidingChange(workHours, at(2, 18))!)).toEqual(new Date(at(3, 9)));
  });

  it('handles a window across midnight as belonging to the evening it starts on', () => {
    const nights = normalizeSettings({
      ...on(),
      hide: { ...on().hide, schedule: { enabled: true, days: [1], from: 22 * 60, to: 6 * 60 } },
    });
    expect(inSchedule(nights.hide.schedule, at(1, 23))).toBe(true); // Monday 23:00
    expect(inSchedule(nights.hide.schedule, at(2, 5, 59))).toBe(true); // Tuesday 05:59, Monday's night
    expect(inSchedule(nights.hide.schedule, at(2, 6))).toBe(false);
    expect(inSchedule(nights.hide.schedule, at(2, 23))).toBe(false); // Tuesday night is not chosen
  });

  it('recognises the user’s own accounts whatever the case or "@"', () => {
    const settings = normalizeSettings({ accounts: { x: ['@Ada', ' grace '], mastodon: ['ada@mastodon.social'] } });
    expect(settings.accounts.x).toEqual(['ada', 'grace']);
    expect(isOwnAuthor(settings, 'x', 'ADA')).toBe(true);
    expect(isOwnAuthor(settings, 'x', 'adam')).toBe(false);
    expect(isOwnAuthor(settings, 'reddit', 'ada')).toBe(false);
    expect(isOwnAuthor(settings, 'mastodon', 'ada@mastodon.social')).toBe(true);
    expect(isOwnAuthor(settings, 'mastodon', 'ada@other.example')).toBe(false);
  });

  it('hides Feedlens’s own figures only where counts are hidden, unless the user keeps them', () => {
    expect(hidesFeedlensFigures(on(), 'x', at(2, 10))).toBe(true);
    expect(hidesFeedlensFigures(on(), 'reddit', at(2, 10))).toBe(false);
    const keep = normalizeSettings({ ...on(), hide: { ...on().hide, hideFeedlensFigures: false } });
    expect(hidesFeedlensFigures(keep, 'x', at(2, 10))).toBe(false);
  });
});

describe('the first run', () => {
  it('shows nothing on that does nothing: the main switch starts off like every site, and follows the first site on', () => {
    const first = defaultSettings();
    expect(first.hide.enabled).toBe(false);
    expect(Object.values(first.hide.sites).some(Boolean)).toBe(false);
    expect(hiddenMetrics(first, 'x')).toEqual([]);
    const xOn = withSiteHiding(first, 'x', true);
    expect(xOn.hide.enabled).toBe(true);
    expect(hiddenMetrics(xOn, 'x')).toContain('likes');
    // Settings saved before this default (main switch on, sites chosen) read as they were saved.
    expect(normalizeSettings({ hide: { enabled: true, sites: {} } }).hide.enabled).toBe(true);
    // A damaged main switch follows the sites instead of the default.
    expect(normalizeSettings({ hide: { enabled: 'yes', sites: {} } }).hide.enabled).toBe(false);
  });
});
