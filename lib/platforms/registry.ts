/**
 * Every supported platform's adapter, and finding the one for an address. Adding a platform means
 * adding its adapter here and its `entrypoints/<id>.content.ts`; registry.test.ts checks the rest.
 */
import type { PlatformId } from '../model';
import { bluesky } from './bluesky';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { reddit } from './reddit';
import { threads } from './threads';
import { tiktok } from './tiktok';
import type { PlatformAdapter } from './types';
import { x } from './x';
import { youtube } from './youtube';

export const ADAPTERS: readonly PlatformAdapter[] = [
  x,
  reddit,
  bluesky,
  threads,
  linkedin,
  mastodon,
  youtube,
  facebook,
  tiktok,
  instagram,
];

export function adapterById(id: PlatformId): PlatformAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

/** Whether `host` is one of the adapter's hosts or a subdomain of one (www., m., old.). */
export function hostMatches(adapter: Pick<PlatformAdapter, 'hosts'>, host: string): boolean {
  const lower = host.toLowerCase();
  return adapter.hosts.some((h) => lower === h || lower.endsWith(`.${h}`));
}

/**
 * Hosts the user added at run time, per platform (Mastodon servers, see lib/settings/mastodon-instances.ts):
 * matched exactly, since each is one granted `https://<host>/*` permission.
 */
export type ExtraHosts = Partial<Record<PlatformId, readonly string[]>>;

/** The adapter for a page address, if Feedlens supports it (also on `extraHosts`). */
export function adapterForUrl(url: string | URL | undefined, extraHosts?: ExtraHosts): PlatformAdapter | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase();
  return (
    ADAPTERS.find((adapter) => hostMatches(adapter, host)) ??
    ADAPTERS.find((adapter) => extraHosts?.[adapter.id]?.includes(host))
  );
}
