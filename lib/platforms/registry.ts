/**
 * Every supported platform's adapter, and finding the one for an address. Adding a platform means
 * adding its adapter here and its `entrypoints/<id>.content.ts`; registry.test.ts checks the rest.
 */
import type { PlatformId } from '../model';
import type { PlatformAdapter } from './types';
import { x } from './x';

export const ADAPTERS: readonly PlatformAdapter[] = [x];

export function adapterById(id: PlatformId): PlatformAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

/** Whether `host` is one of the adapter's hosts or a subdomain of one (www., m., old.). */
export function hostMatches(adapter: Pick<PlatformAdapter, 'hosts'>, host: string): boolean {
  const lower = host.toLowerCase();
  return adapter.hosts.some((h) => lower === h || lower.endsWith(`.${h}`));
}

/** The adapter for a page address, if Feedlens supports it. */
export function adapterForUrl(url: string | URL | undefined): PlatformAdapter | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  return ADAPTERS.find((adapter) => hostMatches(adapter, parsed.hostname));
}
