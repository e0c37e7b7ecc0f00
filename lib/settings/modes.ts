/**
 * How each count is shown, per site and per metric, while hiding is in effect there: the exact
 * number, a coarse label in its place (lib/hide/coarse.ts), or nothing.
 *
 * Settings before version 2 had one set of per-metric switches for every site
 * (`hide.metrics: { likes: true, … }`); they become the same mode on every site ("hidden" where
 * the switch was on, "exact" where it was off), so nothing a user chose changes on upgrade.
 *
 * Settings before version 3 had no notification counts: each site's takes the mode its follower
 * counts had, the other count that is about the user rather than a post, so someone who hid
 * follower counts on a site finds its unread badges hidden too, and someone who kept them exact
 * sees nothing change.
 */
import { PLATFORM_IDS, type PlatformId } from '../model';
import { HIDE_METRICS, type HideMetric } from '../platforms/types';

export const DISPLAY_MODES = ['exact', 'coarse', 'hidden'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

export type SiteModes = Record<HideMetric, DisplayMode>;
export type DisplayModes = Record<PlatformId, SiteModes>;

const isMode = (v: unknown): v is DisplayMode => (DISPLAY_MODES as readonly unknown[]).includes(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const allSites = (site: () => SiteModes): DisplayModes =>
  Object.fromEntries(PLATFORM_IDS.map((id) => [id, site()])) as DisplayModes;

/** Once a site's switch is on, every count there is hidden until the user picks otherwise. */
export function defaultModes(): DisplayModes {
  return allSites(() => Object.fromEntries(HIDE_METRICS.map((m) => [m, 'hidden'])) as SiteModes);
}

/** The version-1 per-metric switches as modes: on → hidden, off → exact, missing → hidden. */
function fromLegacyMetrics(metrics: Record<string, unknown>): DisplayModes {
  return allSites(
    () => Object.fromEntries(HIDE_METRICS.map((m) => [m, metrics[m] === false ? 'exact' : 'hidden'])) as SiteModes,
  );
}

/**
 * Modes from storage: `hide.modes` where present (a damaged entry takes the default), else the
 * version-1 `hide.metrics` switches migrated, else the defaults.
 */
export function normalizeModes(modes: unknown, legacyMetrics: unknown): DisplayModes {
  const base = !isObject(modes) && isObject(legacyMetrics) ? fromLegacyMetrics(legacyMetrics) : defaultModes();
  if (!isObject(modes)) return base;
  return Object.fromEntries(
    PLATFORM_IDS.map((id) => {
      const site = isObject(modes[id]) ? modes[id] : {};
      const stored = (m: HideMetric) => (isMode(site[m]) ? site[m] : undefined);
      return [
        id,
        Object.fromEntries(
          HIDE_METRICS.map((m) => [
            m,
            stored(m) ?? (m === 'notifications' ? stored('followers') : undefined) ?? base[id][m],
          ]),
        ),
      ];
    }),
  ) as DisplayModes;
}
