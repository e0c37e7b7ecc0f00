/**
 * The user's preferences: their shape, defaults, and the pure rules derived from them.
 * Stored by `store.ts`; anything malformed in storage falls back to defaults field by
 * field, so a damaged value never turns hiding off or on by surprise.
 */
import { PLATFORM_IDS, type PlatformId } from '../model';
import { HIDE_METRICS, type HideMetric } from '../platforms/types';
import { defaultModes, normalizeModes, type DisplayMode, type DisplayModes } from './modes';

/** The shape `normalizeSettings` returns; older stored shapes are migrated on load (modes.ts). */
export const SETTINGS_VERSION = 3;

/** Hide during these hours on these days (local time). `from` > `to` spans midnight. */
export interface HideSchedule {
  enabled: boolean;
  /** 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** Minutes after midnight. */
  from: number;
  to: number;
}

export interface HideSettings {
  /** The main switch: off means nothing is hidden anywhere, whatever the sites say. */
  enabled: boolean;
  /** Per-site switches ("Hide like counts" on this site). */
  sites: Record<PlatformId, boolean>;
  /** Per site, how each count shows while hiding is in effect there (exact, coarse or hidden). */
  modes: DisplayModes;
  /** "Hide until I act", per site: a post's counts show once the user liked, reposted or voted on it. */
  untilActed: Record<PlatformId, boolean>;
  /** Reveal one post's counts while it is hovered or focused (opt-in). */
  peek: boolean;
  /** "Show for 15 minutes": hiding is off until this time (epoch ms; 0 = not snoozed). */
  snoozeUntil: number;
  schedule: HideSchedule;
  /** Keep counts on the user's own posts (the accounts in `accounts`). */
  showOwnPosts: boolean;
  /** Where hiding is on, also hide Feedlens's own figures (overlay, popup) unless this is false. */
  hideFeedlensFigures: boolean;
  /** Keep reading and storing posts on sites where counts are hidden. */
  keepReading: boolean;
}

export interface OverlaySettings {
  /** The in-feed badge with each post's key figure. */
  enabled: boolean;
  sites: Record<PlatformId, boolean>;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** "Feedlens off here": on these sites nothing is read, stored, shown or hidden. */
  offSites: Record<PlatformId, boolean>;
  hide: HideSettings;
  /** The user's own accounts per platform (handles as the site spells them, without "@"). */
  accounts: Record<PlatformId, string[]>;
  /** Accounts the user compares against per platform; empty means every author seen there. */
  peers: Record<PlatformId, string[]>;
  overlay: OverlaySettings;
  /**
   * Posts not seen for this many days are deleted, with their snapshots (null: kept forever).
   * Counted from when a post was last seen, so a post still in the feed stays.
   */
  keepPostsDays: number | null;
}

/** The longest retention one can choose short of "forever": ten years. */
export const MAX_KEEP_DAYS = 3650;

export const SNOOZE_MS = 15 * 60 * 1000;

const record = <K extends string, V>(keys: readonly K[], value: () => V): Record<K, V> =>
  Object.fromEntries(keys.map((k) => [k, value()])) as Record<K, V>;

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    offSites: record(PLATFORM_IDS, () => false),
    hide: {
      // Off, like every site: a main switch that shows "on" while nothing is hidden anywhere
      // misleads. Turning a site on turns it on (withSiteHiding).
      enabled: false,
      sites: record(PLATFORM_IDS, () => false),
      modes: defaultModes(),
      untilActed: record(PLATFORM_IDS, () => false),
      peek: false,
      snoozeUntil: 0,
      schedule: { enabled: false, days: [0, 1, 2, 3, 4, 5, 6], from: 9 * 60, to: 17 * 60 },
      showOwnPosts: true,
      hideFeedlensFigures: true,
      keepReading: true,
    },
    accounts: record(PLATFORM_IDS, () => []),
    peers: record(PLATFORM_IDS, () => []),
    overlay: { enabled: true, sites: record(PLATFORM_IDS, () => true) },
    keepPostsDays: null,
  };
}

/** A retention from storage: a whole number of days from 1 to {@link MAX_KEEP_DAYS}, else forever. */
export function normalizeKeepDays(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_KEEP_DAYS ? value : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
const minutes = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 24 * 60 ? v : fallback;

function booleans<K extends string>(
  keys: readonly K[],
  value: unknown,
  fallback: Record<K, boolean>,
): Record<K, boolean> {
  const source = isObject(value) ? value : {};
  return Object.fromEntries(keys.map((k) => [k, bool(source[k], fallback[k])])) as Record<K, boolean>;
}

/** A handle as users type it: "@Ada", " ada " → "ada"; Mastodon keeps "user@server". */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** Up to 100 distinct, normalized handles per platform. */
function handles(value: unknown): Record<PlatformId, string[]> {
  const source = isObject(value) ? value : {};
  return Object.fromEntries(
    PLATFORM_IDS.map((id) => {
      const list: unknown[] = Array.isArray(source[id]) ? source[id] : [];
      const clean = list
        .filter((h): h is string => typeof h === 'string')
        .map(normalizeHandle)
        .filter((h) => h.length > 0 && h.length <= 256);
      return [id, [...new Set(clean)].slice(0, 100)];
    }),
  ) as Record<PlatformId, string[]>;
}

/** Settings from whatever storage held: every missing or malformed field takes its default. */
export function normalizeSettings(value: unknown): Settings {
  const d = defaultSettings();
  const stored = isObject(value) ? value : {};
  const hide = isObject(stored.hide) ? stored.hide : {};
  const schedule = isObject(hide.schedule) ? hide.schedule : {};
  const overlay = isObject(stored.overlay) ? stored.overlay : {};
  const days = Array.isArray(schedule.days)
    ? [...new Set(schedule.days.filter((day): day is number => Number.isInteger(day) && day >= 0 && day <= 6))].sort()
    : d.hide.schedule.days;
  const sites = booleans(PLATFORM_IDS, hide.sites, d.hide.sites);
  return {
    version: SETTINGS_VERSION,
    offSites: booleans(PLATFORM_IDS, stored.offSites, d.offSites),
    hide: {
      // A damaged main switch follows the sites: on where some site hides, so it never flips hiding.
      enabled: bool(hide.enabled, Object.values(sites).some(Boolean)),
      sites,
      modes: normalizeModes(hide.modes, hide.metrics),
      untilActed: booleans(PLATFORM_IDS, hide.untilActed, d.hide.untilActed),
      peek: bool(hide.peek, d.hide.peek),
      snoozeUntil: typeof hide.snoozeUntil === 'number' && hide.snoozeUntil > 0 ? hide.snoozeUntil : 0,
      schedule: {
        enabled: bool(schedule.enabled, d.hide.schedule.enabled),
        days,
        from: minutes(schedule.from, d.hide.schedule.from),
        to: minutes(schedule.to, d.hide.schedule.to),
      },
      showOwnPosts: bool(hide.showOwnPosts, d.hide.showOwnPosts),
      hideFeedlensFigures: bool(hide.hideFeedlensFigures, d.hide.hideFeedlensFigures),
      keepReading: bool(hide.keepReading, d.hide.keepReading),
    },
    accounts: handles(stored.accounts),
    peers: handles(stored.peers),
    overlay: {
      enabled: bool(overlay.enabled, d.overlay.enabled),
      sites: booleans(PLATFORM_IDS, overlay.sites, d.overlay.sites),
    },
    keepPostsDays: normalizeKeepDays(stored.keepPostsDays),
  };
}

/** Whether `now` falls inside the schedule (always true when the schedule is off). */
export function inSchedule(schedule: HideSchedule, now: number): boolean {
  if (!schedule.enabled) return true;
  const date = new Date(now);
  const minute = date.getHours() * 60 + date.getMinutes();
  const today = date.getDay();
  const yesterday = (today + 6) % 7;
  if (schedule.from === schedule.to) return schedule.days.includes(today); // all day
  if (schedule.from < schedule.to)
    return schedule.days.includes(today) && minute >= schedule.from && minute < schedule.to;
  // Spans midnight: the evening belongs to today's window, the early morning to yesterday's.
  return (
    (schedule.days.includes(today) && minute >= schedule.from) ||
    (schedule.days.includes(yesterday) && minute < schedule.to)
  );
}

/** Whether Feedlens is switched off on a site: nothing read, stored, shown or hidden there. */
export function isSiteOff(settings: Settings, platform: PlatformId): boolean {
  return settings.offSites[platform];
}

/** Whether hiding is switched on for a site (whatever the time). */
export function isHidingOn(settings: Settings, platform: PlatformId): boolean {
  return !isSiteOff(settings, platform) && settings.hide.enabled && settings.hide.sites[platform];
}

/** Whether hiding is in effect on a site at `now`: switched on, not snoozed, inside the schedule. */
export function isHidingActive(settings: Settings, platform: PlatformId, now: number): boolean {
  return isHidingOn(settings, platform) && settings.hide.snoozeUntil <= now && inSchedule(settings.hide.schedule, now);
}

/** The metrics in `modes` on a site at `now` (none while hiding is not in effect there). */
function metricsIn(settings: Settings, platform: PlatformId, now: number, modes: DisplayMode[]): HideMetric[] {
  if (!isHidingActive(settings, platform, now)) return [];
  return HIDE_METRICS.filter((metric) => modes.includes(settings.hide.modes[platform][metric]));
}

/** The metrics whose numbers are not painted on a site at `now`: hidden, or coarse in their place. */
export function hiddenMetrics(settings: Settings, platform: PlatformId, now: number = Date.now()): HideMetric[] {
  return metricsIn(settings, platform, now, ['hidden', 'coarse']);
}

/** The metrics shown as a coarse label instead of their number on a site at `now`. */
export function coarseMetrics(settings: Settings, platform: PlatformId, now: number = Date.now()): HideMetric[] {
  return metricsIn(settings, platform, now, ['coarse']);
}

/** Sets how one count shows on one site. */
export function withMode(settings: Settings, platform: PlatformId, metric: HideMetric, mode: DisplayMode): Settings {
  const modes = { ...settings.hide.modes, [platform]: { ...settings.hide.modes[platform], [metric]: mode } };
  return { ...settings, hide: { ...settings.hide, modes } };
}

/** "Hide until I act" on one site; turning it on also turns on hiding there (it hides until then). */
export function withUntilActed(settings: Settings, platform: PlatformId, on: boolean): Settings {
  const next = on ? withSiteHiding(settings, platform, true) : settings;
  return { ...next, hide: { ...next.hide, untilActed: { ...next.hide.untilActed, [platform]: on } } };
}

/** Switches Feedlens off (or back on) on one site. */
export function withSiteOff(settings: Settings, platform: PlatformId, off: boolean): Settings {
  return { ...settings, offSites: { ...settings.offSites, [platform]: off } };
}

/**
 * The next moment after `now` at which what is hidden may change by itself (a snooze ending, a
 * schedule window opening or closing), so timers and alarms can wake up exactly then.
 */
export function nextHidingChange(settings: Settings, now: number): number | null {
  const candidates: number[] = [];
  if (settings.hide.snoozeUntil > now) candidates.push(settings.hide.snoozeUntil);
  const { schedule } = settings.hide;
  if (schedule.enabled) {
    const start = new Date(now);
    start.setSeconds(0, 0);
    // Schedule windows start and end on whole minutes: the next boundary is within a week.
    for (let day = 0; day <= 7; day++) {
      for (const minute of [schedule.from, schedule.to]) {
        const at = new Date(start);
        at.setDate(at.getDate() + day);
        at.setHours(Math.floor(minute / 60), minute % 60, 0, 0);
        if (at.getTime() > now) candidates.push(at.getTime());
      }
    }
  }
  return candidates.length ? Math.min(...candidates) : null;
}

/** Turns a site's "Hide like counts" switch on or off; turning a site on also turns on the main switch. */
export function withSiteHiding(settings: Settings, platform: PlatformId, on: boolean): Settings {
  return {
    ...settings,
    hide: {
      ...settings.hide,
      enabled: on ? true : settings.hide.enabled,
      sites: { ...settings.hide.sites, [platform]: on },
    },
  };
}

/** "Show for 15 minutes" (or cancel it with `until = 0`). */
export function withSnooze(settings: Settings, until: number): Settings {
  return { ...settings, hide: { ...settings.hide, snoozeUntil: until } };
}

/** Whether a post by `author` on `platform` is one of the user's own. */
export function isOwnAuthor(settings: Settings, platform: PlatformId, author: string | undefined): boolean {
  if (!author) return false;
  // Exact: on Mastodon "ada@mastodon.social" and "ada@other.example" are different people.
  return settings.accounts[platform].includes(normalizeHandle(author));
}

/**
 * Whether Feedlens's own figures (overlay badges, popup numbers) are hidden on a site right now:
 * where counts are hidden, our numbers would bring the pressure back, unless the user keeps them.
 */
export function hidesFeedlensFigures(settings: Settings, platform: PlatformId, now: number = Date.now()): boolean {
  return settings.hide.hideFeedlensFigures && isHidingActive(settings, platform, now);
}
