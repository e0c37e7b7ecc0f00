/**
 * Keeps the browser's registered "initial layer" stylesheets (see css.ts) in step with the
 * settings, so that the next page load of a site is hidden from its first frame.
 */
import { browser } from 'wxt/browser';
import type { PlatformAdapter } from '../platforms/types';
import { hiddenMetrics, type Settings } from '../settings/settings';
import { initialHideCss, initialHideCssPath } from './css';

const ID_PREFIX = 'feedlens-hide-';

export interface HideRegistration {
  id: string;
  matches: string[];
  css: string[];
  runAt: 'document_start';
  allFrames: boolean;
  persistAcrossSessions: boolean;
}

/** One registration per site with something hidden, listing that site's per-metric files. */
export function desiredHideRegistrations(
  settings: Settings,
  adapters: readonly PlatformAdapter[],
  matchesFor: (adapter: PlatformAdapter) => readonly string[] = (a) => a.matches,
): HideRegistration[] {
  return adapters.flatMap((adapter) => {
    const css = hiddenMetrics(settings, adapter.id)
      .filter((metric) => initialHideCss(adapter, metric) !== '')
      .map((metric) => initialHideCssPath(adapter.id, metric));
    const matches = [...matchesFor(adapter)];
    if (css.length === 0 || matches.length === 0) return [];
    return [
      {
        id: `${ID_PREFIX}${adapter.id}`,
        matches,
        css,
        runAt: 'document_start',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ];
  });
}

/** Brings the browser's registrations to `desired`: update what exists, add and remove the rest. */
export async function applyHideRegistrations(desired: readonly HideRegistration[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts();
  const ours = new Set(existing.map((s) => s.id).filter((id) => id.startsWith(ID_PREFIX)));
  const wanted = new Set(desired.map((d) => d.id));
  const stale = [...ours].filter((id) => !wanted.has(id));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const toUpdate = desired.filter((d) => ours.has(d.id));
  const toAdd = desired.filter((d) => !ours.has(d.id));
  // Updating in place (rather than unregister + register) leaves no moment with nothing registered.
  if (toUpdate.length) await browser.scripting.updateContentScripts(toUpdate);
  if (toAdd.length) await browser.scripting.registerContentScripts(toAdd);
}
