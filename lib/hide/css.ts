/**
 * Hiding counts with CSS only: nodes are never removed (reading continues, React is left alone)
 * and `visibility: hidden` keeps every box where it was, so buttons neither move nor break.
 *
 * Two layers make "never painted" and "live" both true:
 * - The initial layer is registered with the browser by the background for exactly the metrics
 *   hidden when the page starts loading, and applies before the first paint. It only applies until
 *   the content script marks `<html>` ready.
 * - The live layer is a stylesheet the content script keeps in the page, with rules for the metrics
 *   hidden now, gated by a token list on `<html>`.
 *
 * Counts inside shadow roots (new Reddit) cannot be reached from the page's stylesheets, but custom
 * properties inherit into shadow trees: both layers set `--feedlens-hide-<metric>` on `<html>`, and
 * a small static stylesheet placed in each shadow root reads it. Exceptions (own posts, peeking)
 * reset the property on the post element.
 *
 * Both layers also carry the safe rule (fallback.ts): whenever anything is hidden, elements marked
 * as uncovered counts are hidden too, with the same exceptions.
 */
import type { HideMetric, HideSelectors, PlatformAdapter } from '../platforms/types';
import { ACTED_ATTR } from './acted';
import { COARSE_ATTR, LABEL_ATTR, LABEL_OF_ATTR, coarseVar, labelDeclarations } from './coarse';
import { COUNT_ATTR } from './fallback';

/** On `<html>`: the metrics hidden now, space separated. */
export const HIDE_ATTR = 'data-feedlens-hide';
/** On `<html>`: the live layer knows the settings, so the initial layer stands down. */
export const READY_ATTR = 'data-feedlens-ready';
/** On a post element: a post by one of the user's own accounts, whose counts stay visible. */
export const OWN_ATTR = 'data-feedlens-own';
/** On a post element: the user held it to peek (lib/hide/peek.ts), so its counts show. */
export const PEEK_ATTR = 'data-feedlens-peek';

const VISIBILITY = 'visibility: hidden !important;';
const DISPLAY = 'display: none !important;';

type HideSource = Pick<PlatformAdapter, 'hide' | 'collapse' | 'shadowHide' | 'postSelector'>;

export interface LiveHideOptions {
  /** Posts marked with PEEK_ATTR (held to peek) show their counts. */
  peek?: boolean;
  /** Posts marked with OWN_ATTR keep their counts. */
  ownExempt?: boolean;
  /** Posts marked with ACTED_ATTR ("Hide until I act", acted.ts) show their counts. */
  actedExempt?: boolean;
  /** Of the hidden metrics, those shown as a coarse label in place of their number (coarse.ts). */
  coarse?: readonly HideMetric[];
}

/** The custom property that carries the safe rule into shadow roots. */
export const FALLBACK_VAR = '--feedlens-hide-fallback';

/**
 * The safe rule's declarations under `gate`. A marked element is hidden in place; a control whose
 * own text is the count keeps its icons and its click, only its text made transparent.
 */
function fallbackRules(gate: string, suffix: string, adapter: HideSource): string[] {
  const lines = [
    `${gate} [${COUNT_ATTR}=""]${suffix} { ${VISIBILITY} }`,
    `${gate} [${COUNT_ATTR}="text"]${suffix} { -webkit-text-fill-color: transparent !important; }`,
    `${gate} [${COUNT_ATTR}="text"]${suffix} > * { -webkit-text-fill-color: currentcolor !important; }`,
  ];
  if (adapter.shadowHide) lines.push(`${gate} { ${FALLBACK_VAR}: hidden; }`);
  return lines;
}

/** The custom property that carries "hide this metric" into shadow roots. */
export function shadowVar(metric: HideMetric): string {
  return `--feedlens-hide-${metric}`;
}

/**
 * One rule per selector: a selector the browser does not support then drops only its own rule,
 * never the whole metric (one bad selector invalidates an entire rule list). Exceptions are
 * appended to the selector's last part, so the browser still files the rule under its rightmost
 * tag/attribute and checks it only against matching elements.
 */
function rules(gate: string, selectors: readonly string[] | undefined, suffix: string, declaration: string): string[] {
  return (selectors ?? []).map((selector) => `${gate} ${selector}${suffix} { ${declaration} }`);
}

function metricRules(adapter: HideSource, metric: HideMetric, gate: string, suffix = ''): string[] {
  const collapse: HideSelectors = adapter.collapse ?? {};
  const lines = [
    ...rules(gate, adapter.hide[metric], suffix, VISIBILITY),
    ...rules(gate, collapse[metric], suffix, DISPLAY),
  ];
  if (adapter.shadowHide?.hide[metric]?.length) lines.push(`${gate} { ${shadowVar(metric)}: hidden; }`);
  return lines;
}

/** The stylesheet registered before page load for one metric of one site ('' when it hides nothing). */
export function initialHideCss(adapter: HideSource, metric: HideMetric): string {
  const gate = `html:not([${READY_ATTR}])`;
  const lines = metricRules(adapter, metric, gate);
  // Every registered file carries the safe rule: whichever metrics are hidden, it applies.
  return lines.length ? [...lines, ...fallbackRules(gate, '', adapter)].join('\n') : '';
}

/** The live stylesheet for a site: rules for the metrics hidden now, with the chosen exceptions. */
export function liveHideCss(
  adapter: HideSource,
  metrics: readonly HideMetric[],
  options: LiveHideOptions = {},
): string {
  const exceptions: string[] = [];
  if (options.ownExempt) exceptions.push(`[${OWN_ATTR}] *`);
  if (options.actedExempt) exceptions.push(`[${ACTED_ATTR}] *`);
  if (options.peek) exceptions.push(`[${PEEK_ATTR}] *`);
  const suffix = exceptions.map((e) => `:not(${e})`).join('');
  const lines = metrics.flatMap((metric) => metricRules(adapter, metric, `html[${HIDE_ATTR}~="${metric}"]`, suffix));
  if (metrics.length) lines.push(...fallbackRules(`html[${HIDE_ATTR}]:not([${HIDE_ATTR}=""])`, suffix, adapter));
  const coarse = (options.coarse ?? []).filter((m) => metrics.includes(m));
  for (const metric of coarse) {
    const gate = `html[${COARSE_ATTR}~="${metric}"]`;
    lines.push(`${gate} [${LABEL_OF_ATTR}="${metric}"][${LABEL_ATTR}]${suffix}::before { ${labelDeclarations()} }`);
    if (adapter.shadowHide?.hide[metric]?.length) lines.push(`${gate} { ${coarseVar(metric)}: visible; }`);
  }
  // In shadow roots the exception is the property itself, reset on the post element.
  const shadowMetrics = metrics.filter((m) => adapter.shadowHide?.hide[m]?.length).map(shadowVar);
  if (metrics.length && adapter.shadowHide) shadowMetrics.push(FALLBACK_VAR);
  shadowMetrics.push(...coarse.filter((m) => adapter.shadowHide?.hide[m]?.length).map(coarseVar));
  if (shadowMetrics.length) {
    const reset = shadowMetrics.map((name) => `${name}: initial;`).join(' ');
    if (options.ownExempt) lines.push(`[${OWN_ATTR}] { ${reset} }`);
    if (options.actedExempt) lines.push(`[${ACTED_ATTR}] { ${reset} }`);
    if (options.peek) lines.push(`[${PEEK_ATTR}] { ${reset} }`);
  }
  return lines.join('\n');
}

/**
 * The stylesheet placed inside each shadow root a platform's counts live in. It hides nothing by
 * itself: it follows the custom properties set by the page-level layers.
 */
export function shadowHideCss(adapter: Pick<PlatformAdapter, 'shadowHide'>): string {
  const hide = adapter.shadowHide?.hide ?? {};
  return (Object.entries(hide) as [HideMetric, readonly string[]][])
    .flatMap(([metric, selectors]) =>
      selectors.map((selector) => `${selector} { visibility: var(${shadowVar(metric)}, inherit) !important; }`),
    )
    .concat(`[${COUNT_ATTR}] { visibility: var(${FALLBACK_VAR}, inherit) !important; }`)
    .concat(
      Object.keys(hide).map(
        (metric) =>
          `[${LABEL_OF_ATTR}="${metric}"][${LABEL_ATTR}]::before { ${labelDeclarations(`var(${coarseVar(metric as HideMetric)}, hidden)`)} }`,
      ),
    )
    .join('\n');
}

/** Where the build puts a site's initial stylesheet for a metric (see wxt.config.ts). */
export function initialHideCssPath(platform: string, metric: HideMetric): string {
  return `hide/${platform}/${metric}.css`;
}
