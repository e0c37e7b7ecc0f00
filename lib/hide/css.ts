/**
 * Hiding counts with CSS only: nodes are never removed (reading continues, React is left alone)
 * and `visibility: hidden` keeps every box where it was, so buttons neither move nor break.
 *
 * Two layers make "never painted" and "live" both true:
 * - The initial layer is registered with the browser by the background for exactly the metrics
 *   hidden when the page starts loading, and applies before the first paint. It only applies until
 *   the content script marks `<html>` ready.
 * - The live layer is a stylesheet the content script adds at document start, driven by a token
 *   list on `<html>`; switching a metric on or off anywhere is one attribute write in each tab.
 */
import type { HideMetric, HideSelectors, PlatformAdapter } from '../platforms/types';

/** On `<html>`: the metrics hidden now, space separated. */
export const HIDE_ATTR = 'data-feedlens-hide';
/** On `<html>`: the live layer knows the settings, so the initial layer stands down. */
export const READY_ATTR = 'data-feedlens-ready';

const VISIBILITY = 'visibility: hidden !important;';
const DISPLAY = 'display: none !important;';

/**
 * One rule per selector: a selector the browser does not support then drops only its own rule,
 * never the whole metric (one bad selector invalidates an entire rule list).
 */
function rules(gate: string, selectors: readonly string[] | undefined, declaration: string): string[] {
  return (selectors ?? []).map((selector) => `${gate} ${selector} { ${declaration} }`);
}

function metricRules(adapter: Pick<PlatformAdapter, 'hide' | 'collapse'>, metric: HideMetric, gate: string): string[] {
  const collapse: HideSelectors = adapter.collapse ?? {};
  return [...rules(gate, adapter.hide[metric], VISIBILITY), ...rules(gate, collapse[metric], DISPLAY)];
}

/** The stylesheet registered before page load for one metric of one site ('' when it hides nothing). */
export function initialHideCss(adapter: Pick<PlatformAdapter, 'hide' | 'collapse'>, metric: HideMetric): string {
  return metricRules(adapter, metric, `html:not([${READY_ATTR}])`).join('\n');
}

/** The live stylesheet for a site: every metric, each gated by its token on `<html>`. */
export function liveHideCss(
  adapter: Pick<PlatformAdapter, 'hide' | 'collapse'>,
  metrics: readonly HideMetric[],
): string {
  return metrics.flatMap((metric) => metricRules(adapter, metric, `html[${HIDE_ATTR}~="${metric}"]`)).join('\n');
}

/** Where the build puts a site's initial stylesheet for a metric (see wxt.config.ts). */
export function initialHideCssPath(platform: string, metric: HideMetric): string {
  return `hide/${platform}/${metric}.css`;
}
