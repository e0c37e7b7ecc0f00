/**
 * Small facts the background keeps for the popup and the settings page in `storage.local`: how
 * reading goes on each site (paused because a layout was not recognized, with its diagnostic),
 * whether hiding there last fell back to the safe rule, and whether the last write to the store
 * failed (a full disk).
 */
import { browser } from 'wxt/browser';
import { t } from '../ui/i18n';
import type { HidingFallback, ReaderDiagnostic, ReaderStatus } from '../messages/page-store';
import type { PlatformId } from '../model';

export const HEALTH_KEY = 'readerHealth';
/** Bumped by whoever writes the store outside the background (an import), so its caches reset. */
export const STORE_GENERATION_KEY = 'storeGeneration';
export const STORAGE_STATUS_KEY = 'storageStatus';

export interface SiteHealth {
  status: ReaderStatus;
  diagnostic?: ReaderDiagnostic;
  at: number;
  /** The latest page where hiding had to fall back to the safe rule. */
  hidingFallback?: HidingFallback & { at: number };
}

export type HealthBySite = Partial<Record<PlatformId, SiteHealth>>;

export interface StorageStatus {
  /** The last write failed with this message; cleared by the next successful write. */
  error?: string;
  /** Readings that could not be saved since the error began. */
  lost?: number;
  at: number;
}

export async function loadHealth(): Promise<HealthBySite> {
  const stored = await browser.storage.local.get(HEALTH_KEY);
  return (stored[HEALTH_KEY] as HealthBySite | undefined) ?? {};
}

/**
 * Health updates read, change and write one stored object; a reading status and a hiding report
 * arriving together must not overwrite each other, so updates run one after another.
 */
let healthUpdates: Promise<void> = Promise.resolve();
function updateHealth(change: (all: HealthBySite) => HealthBySite): Promise<void> {
  const run = async () => {
    const all = await loadHealth();
    await browser.storage.local.set({ [HEALTH_KEY]: change(all) });
  };
  healthUpdates = healthUpdates.then(run, run);
  return healthUpdates;
}

/** Writes one site's reading status; what it says about hiding is kept. */
export function saveSiteHealth(platform: PlatformId, health: Omit<SiteHealth, 'hidingFallback'>): Promise<void> {
  return updateHealth((all) => {
    const hidingFallback = all[platform]?.hidingFallback;
    return { ...all, [platform]: { ...health, ...(hidingFallback ? { hidingFallback } : {}) } };
  });
}

/** Records that hiding fell back to the safe rule on a page of this site (the latest such page is kept). */
export function saveHidingFallback(platform: PlatformId, fallback: HidingFallback, at: number): Promise<void> {
  return updateHealth((all) => {
    const site = all[platform] ?? { status: 'idle' as const, at };
    return {
      ...all,
      [platform]: { ...site, hidingFallback: { hidden: fallback.hidden, examples: fallback.examples, at } },
    };
  });
}

export async function loadStorageStatus(): Promise<StorageStatus | undefined> {
  const stored = await browser.storage.local.get(STORAGE_STATUS_KEY);
  return stored[STORAGE_STATUS_KEY] as StorageStatus | undefined;
}

export async function saveStorageStatus(status: StorageStatus | undefined): Promise<void> {
  if (status) await browser.storage.local.set({ [STORAGE_STATUS_KEY]: status });
  else await browser.storage.local.remove(STORAGE_STATUS_KEY);
}

/**
 * Words a user can act on, for an error IndexedDB raised while writing: in the browser's language,
 * which the background shares with the popup that shows them (the browser's own message stays as is).
 */
export function describeStorageError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return t('prefs.storage.full');
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('prefs.storage.failed', { error: message });
}

/** Tells the background that post records changed under it (after an import). */
export async function bumpStoreGeneration(): Promise<void> {
  await browser.storage.local.set({ [STORE_GENERATION_KEY]: Date.now() });
}

/** Calls `listener` when someone bumped the store generation (lib/background/main.ts resets caches). */
export function onStoreGenerationChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && STORE_GENERATION_KEY in changes) listener();
  });
}
