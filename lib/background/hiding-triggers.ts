/**
 * When the hide stylesheets and the Mastodon content script must be registered again: the
 * extension installed or updated, the browser started, the settings changed, or the user's
 * Mastodon servers changed (added or removed in Feedlens, or their permission granted or revoked
 * in the browser's settings).
 */
import { browser } from 'wxt/browser';
import { adoptGrantedOrigins, onInstancesChanged } from '../settings/mastodon-instances';
import { onSettingsChanged } from '../settings/store';

/** The part of a browser event this needs. */
interface Event<Args extends unknown[]> {
  addListener(listener: (...args: Args) => void): void;
}

export interface HidingTriggerDeps {
  syncHiding(): Promise<void>;
  /** The user's Mastodon servers changed: read them again (lib/background/known-sites.ts). */
  refreshSites(): void;
  /** Adds the servers whose permission was just granted (lib/settings/mastodon-instances.ts). */
  adoptGrantedOrigins(origins: string[]): Promise<unknown>;
  onInstalled: Event<never[]>;
  onStartup: Event<never[]>;
  onPermissionsAdded: Event<[{ origins?: string[] }]>;
  onPermissionsRemoved: Event<never[]>;
  onSettingsChanged(listener: () => void): unknown;
  onInstancesChanged(listener: () => void): unknown;
}

/** The browser's events and Feedlens's storage listeners, for `listenForHidingTriggers`. */
export function browserHidingTriggers(): Omit<HidingTriggerDeps, 'syncHiding' | 'refreshSites'> {
  return {
    adoptGrantedOrigins: (origins) => adoptGrantedOrigins(origins),
    onInstalled: browser.runtime.onInstalled,
    onStartup: browser.runtime.onStartup,
    onPermissionsAdded: browser.permissions.onAdded,
    onPermissionsRemoved: browser.permissions.onRemoved,
    onSettingsChanged,
    onInstancesChanged,
  };
}

export function listenForHidingTriggers(all: HidingTriggerDeps): void {
  const sync = () => void all.syncHiding();
  all.onInstalled.addListener(sync);
  all.onStartup.addListener(sync);
  all.onSettingsChanged(sync);
  const instancesChanged = () => {
    all.refreshSites();
    sync();
  };
  all.onInstancesChanged(instancesChanged);
  all.onPermissionsAdded.addListener((added) => {
    // Kept here too: the popup that asked may have closed before the answer came.
    void all
      .adoptGrantedOrigins(added.origins ?? [])
      .catch((error: unknown) => console.error('Feedlens: could not add the granted Mastodon server', error))
      .finally(instancesChanged);
  });
  all.onPermissionsRemoved.addListener(instancesChanged);
}
