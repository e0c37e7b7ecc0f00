import { describe, expect, it } from 'vitest';
import {
  MAX_KEEP_DAYS,
  SNOOZE_MS,
  coarseMetrics,
  defaultSettings,
  hiddenMetrics,
  hidesFeedlensFigures,
  inSchedule,
  isHidingOn,
  isOwnAuthor,
  isSiteOff,
  nextHidingChange,
  normalizeSettings,
  withMode,
  withSiteHiding,
  withSiteOff,
  withSnooze,
  withUntilActed,
} from './settings';

describe('settings', () => {
  it('hide nothing until the user turns a site on, and then every count on that site only', () => {
    const settings = defaultSettings();
    expect(hiddenMetrics(settings, 'x')).toEqual([]);
    const on = withSiteHiding(settings, 'x', true);
    expect(hiddenMetrics(on, 'x')).toEqual([
      'likes',
      'reposts',
      'replies',
      'views',
      'bookmarks',
      'followers',
      'notifications',
    ]);
    expect(hiddenMetrics(on, 'reddit')).toEqual([]);
  });

  it('lets the main switch turn all hiding off without forgetting the sites', () => {
    const on = withSiteHiding(defaultSettings(), 'x', true);
    const off = { ...on, hide: { ...on.hide, enabled: false } };
    expect(isHidingOn(off, 'x')).toBe(false);
    expect(isHidingOn(withSiteHiding(off, 'x', true), 'x')).toBe(true); // turning a site on turns the main switch on
  });

  it('honours per-metric choices per site: coarse counts are not painted either', () => {
    let on = withSiteHiding(withSiteHiding(defaultSettings(), 'x', true), 'reddit', true);
    for (const metric of ['reposts', 'replies', 'views', 'bookmarks', 'followers', 'notifications'] as const)
      on = withMode(on, 'x', metric, 'exact');
    on = withMode(on, 'x', 'replies', 'coarse');
    const stored = normalizeSettings(JSON.parse(JSON.stringify(on)));
    expect(hiddenMetrics(stored, 'x')).toEqual(['likes', 'replies']);
    expect(coarseMetrics(stored, 'x')).toEqual(['replies']);
    expect(hiddenMetrics(stored, 'reddit')).toHaveLength(7);
    expect(coarseMetrics(stored, 'reddit')).toEqual([]);
  });

  it('migrates version-1 settings: the global per-metric switches become the same modes on every site', () => {
    const v1 = {
      hide: {
        enabled: true,
        sites: { x: true, mastodon: true },
        metrics: { likes: true, reposts: false, replies: true, views: false, bookmarks: true, followers: true },
        peek: true,
        snoozeUntil: 0,
        showOwnPosts: false,
      },
      accounts: { x: ['ada'] },
    };
    const migrated = normalizeSettings(v1);
    expect(migrated.version).toBe(3);
    expect(migrated.offSites.x).toBe(false);
    expect(migrated.hide.modes.x).toEqual({
      likes: 'hidden',
      reposts: 'exact',
      replies: 'hidden',
      views: 'exact',
      bookmarks: 'hidden',
      followers: 'hidden',
      notifications: 'hidden',
    });
    expect(migrated.hide.modes.tiktok).toEqual(migrated.hide.modes.x);
    expect(hiddenMetrics(migrated, 'mastodon')).toEqual([
      'likes',
      'replies',
      'bookmarks',
      'followers',
      'notifications',
    ]);
    expect(migrated.hide.peek).toBe(true);
    expect(migrated.hide.showOwnPosts).toBe(false);
    expect(migrated.accounts.x).toEqual(['ada']);
    expect(migrated).not.toHaveProperty('hide.metrics');
    // Loading the migrated settings again changes nothing.
    expect(normalizeSettings(JSON.parse(JSON.stringify(migrated)))).toEqual(migrated);
  });

  it('migrates version-2 settings: each site’s notification counts show as its follower counts did', () => {
    const modes = (followers: string) => ({
      likes: 'hidden',
      reposts: 'exact',
      replies: 'coarse',
      views: 'exact',
      bookmarks: 'hidden',
      followers,
    });
    const v2 = {
      version: 2,
      hide: { enabled: true, sites: { x: true, reddit: true }, modes: { x: modes('exact'), reddit: modes('hidden') } },
    };
    const migrated = normalizeSettings(v2);
    expect(migrated.version).toBe(3);
    // Kept exact where follower counts were: nothing new disappears on upgrade.
    expect(migrated.hide.modes.x).toEqual({ ...modes('exact'), notifications: 'exact' });
    expect(hiddenMetrics(migrated, 'x')).toEqual(['likes', 'replies', 'bookmarks']);
    expect(migrated.hide.modes.reddit.notifications).toBe('hidden');
    // A site with no stored modes hides everything once switched on, notifications too.
    expect(migrated.hide.modes.bluesky.notifications).toBe('hidden');
    // Once version 3, the choice is the user's own: exact notifications beside hidden followers stay so.
    const chosen = withMode(migrated, 'reddit', 'notifications', 'exact');
    expect(normalizeSettings(JSON.parse(JSON.stringify(chosen))).hide.modes.reddit).toMatchObject({
      followers: 'hidden',
      notifications: 'exact',
    });
  });

  it('"Hide until I act" is per site and turns hiding on there, since it hides until then', () => {
    const acting = withUntilActed(defaultSettings(), 'reddit', true);
    expect(acting.hide.untilActed.reddit).toBe(true);
    expect(acting.hide.untilActed.x).toBe(false);
    expect(isHidingOn(acting, 'reddit')).toBe(true);
    expect(normalizeSettings(JSON.parse(JSON.stringify(acting))).hide.untilActed.reddit).toBe(true);
    expect(normalizeSettings({ hide: { untilActed: { x: 1 } } }).hide.untilActed.x).toBe(false);
  });

  it('turns everything off on a site that is switched off, whatever its hiding switch says', () => {
    const on = withSiteHiding(defaultSettings(), 'x', true);
    const off = withSiteOff(on, 'x', true);
    expect(isSiteOff(off, 'x')).toBe(true);
    expect(isHidingOn(off, 'x')).toBe(false);
    expect(hiddenMetrics(off, 'x')).toEqual([]);
    expect(hidesFeedlensFigures(off, 'x')).toBe(false);
    expect(hiddenMetrics(withSiteOff(off, 'x', false), 'x')).toHaveLength(7);
    expect(normalizeSettings({ offSites: { x: 'yes', reddit: true } }).offSites).toMatchObject({
      x: false,
      reddit: true,
    });
  });

  it('repairs damaged stored settings field by field instead of flipping hiding', () => {
    const repaired = normalizeSettings({
      hide: { enabled: 'yes', sites: { x: true, reddit: 'no' }, modes: { x: { likes: 'loud', views: 'coarse' } } },
    });
    expect(repaired.hide.enabled).toBe(true);
    expect(repaired.hide.sites.x).toBe(true);
    expect(repaired.hide.sites.reddit).toBe(false);
    expect(repaired.hide.modes.x.likes).toBe('hidden');
    expect(repaired.hide.modes.x.views).toBe('coarse');
    expect(repaired.hide.modes.reddit.likes).toBe('hidden');
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
