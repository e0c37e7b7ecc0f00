/**
 * The user's preferences: their shape, defaults, and the pure rules derived from them.
 * Stored by `settings-store.ts`; anything malformed in storage falls back to defaults field by
 * field, so a damaged value never turns hiding off or on by surprise.
 */
import { PLATFORM_IDS, type PlatformId } from './model';
import { HIDE_METRICS, type HideMetric } from './platforms/types';

export interface HideSettings {
  /** The main switch: off means nothing is hidden anywhere, whatever the sites say. */
  enabled: boolean;
  /** Per-site switches ("Hide like counts" on this site). */
  sites: Record<PlatformId, boolean>;
  /** Which counts hiding covers. */
  metrics: Record<HideMetric, boolean>;
}

export interface Settings {
  hide: HideSettings;
}

const allFalse = <K extends string>(keys: readonly K[]): Record<K, boolean> =>
  Object.fromEntries(keys.map((k) => [k, false])) as Record<K, boolean>;
const allTrue = <K extends string>(keys: readonly K[]): Record<K, boolean> =>
  Object.fromEntries(keys.map((k) => [k, true])) as Record<K, boolean>;

export function defaultSettings(): Settings {
  return {
    hide: {
      enabled: true,
      sites: allFalse(PLATFORM_IDS),
      metrics: allTrue(HIDE_METRICS),
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function booleans<K extends string>(
  keys: readonly K[],
  value: unknown,
  fallback: Record<K, boolean>,
): Record<K, boolean> {
  const source = isObject(value) ? value : {};
  return Object.fromEntries(keys.map((k) => [k, typeof source[k] === 'boolean' ? source[k] : fallback[k]])) as Record<
    K,
    boolean
  >;
}

/** Settings from whatever storage held: every missing or malformed field takes its default. */
export function normalizeSettings(value: unknown): Settings {
  const defaults = defaultSettings();
  const stored = isObject(value) ? value : {};
  const hide = isObject(stored.hide) ? stored.hide : {};
  return {
    hide: {
      enabled: typeof hide.enabled === 'boolean' ? hide.enabled : defaults.hide.enabled,
      sites: booleans(PLATFORM_IDS, hide.sites, defaults.hide.sites),
      metrics: booleans(HIDE_METRICS, hide.metrics, defaults.hide.metrics),
    },
  };
}

/** Whether hiding is on for a site at all. */
export function isHidingOn(settings: Settings, platform: PlatformId): boolean {
  return settings.hide.enabled && settings.hide.sites[platform];
}

/** The metrics hidden on a site right now. */
export function hiddenMetrics(settings: Settings, platform: PlatformId): HideMetric[] {
  if (!isHidingOn(settings, platform)) return [];
  return HIDE_METRICS.filter((metric) => settings.hide.metrics[metric]);
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
