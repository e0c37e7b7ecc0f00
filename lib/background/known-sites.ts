/**
 * Which site a tab is on, for the sender check, the shortcut and the overlay's questions: one of
 * the supported sites by its address, or a Mastodon server the user added and still allows
 * (lib/settings/mastodon-instances.ts). Those servers are kept in memory; they are read again
 * after the worker wakes up and whenever the user adds or removes one.
 */
import type { HostCheck } from '../messages/reading';
import { adapterById, adapterForUrl, hostMatches } from '../platforms/registry';
import type { PlatformAdapter } from '../platforms/types';
import { grantedInstances, instanceMatches, syncMastodonRegistration } from '../settings/mastodon-instances';

/** Whether a post of `platform` may have its permalink on `host`. */
export const hostAllowed: HostCheck = (platform, host) => {
  // A Mastodon post is keyed by its address on the server it was published on, which can be any
  // server (not only the one being read), so any https host is a valid Mastodon permalink.
  if (platform === 'mastodon') return true;
  const adapter = adapterById(platform);
  return !!adapter && hostMatches(adapter, host);
};

export interface KnownSitesDeps {
  /** The added servers the user still allows. */
  loadHosts(): Promise<string[]>;
  /** Registers the Mastodon content script on those servers; resolves with the hosts registered. */
  registerHosts(): Promise<string[]>;
}

export interface KnownSites {
  /** The site of a tab's address; for an address on no built-in site, once the servers are loaded. */
  adapterFor(url: string | undefined): Promise<PlatformAdapter | undefined>;
  /** Reads the added servers again (after the worker wakes up, or when they changed). */
  refresh(): void;
  /** Registers the Mastodon content script on the added servers, and keeps the hosts it registered. */
  syncRegistration(): Promise<void>;
  /** Where a platform's hide stylesheets apply: Mastodon's also apply on the added servers. */
  matchesFor(adapter: PlatformAdapter): readonly string[];
}

const defaultDeps: KnownSitesDeps = {
  loadHosts: () => grantedInstances(),
  registerHosts: () => syncMastodonRegistration(),
};

/** Starts reading the added servers at once. */
export function createKnownSites(deps: KnownSitesDeps = defaultDeps): KnownSites {
  let mastodonHosts: string[] = [];
  let loaded: Promise<void> = Promise.resolve();
  const refresh = () => {
    loaded = deps
      .loadHosts()
      .then((hosts) => {
        mastodonHosts = hosts;
      })
      .catch((error: unknown) => console.error('Feedlens: could not read the Mastodon servers', error));
  };
  refresh();
  return {
    async adapterFor(url) {
      // A built-in site is known without the servers (and wins over them).
      const known = adapterForUrl(url);
      if (known) return known;
      await loaded;
      return adapterForUrl(url, { mastodon: mastodonHosts });
    },
    refresh,
    async syncRegistration() {
      mastodonHosts = await deps.registerHosts().catch((error: unknown) => {
        console.error('Feedlens: could not register the Mastodon content script', error);
        return mastodonHosts;
      });
    },
    matchesFor: (adapter) =>
      adapter.id === 'mastodon' ? [...adapter.matches, ...instanceMatches(mastodonHosts)] : adapter.matches,
  };
}
