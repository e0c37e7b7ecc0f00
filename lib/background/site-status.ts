/**
 * Records what content scripts report about a site, for the popup and the settings page: how
 * reading goes there (paused on an unknown layout, with its diagnostic) and whether hiding fell
 * back to the safe rule. Reports are validated for the sending tab's site; invalid ones are dropped.
 * Also tracks whether writes to the store fail (a full disk), and how many readings were lost since.
 */
import { validateFallbackMessage, validateHealthMessage } from '../messages/page-store';
import type { PlatformAdapter } from '../platforms/types';
import {
  describeStorageError,
  saveHidingFallback,
  saveSiteHealth,
  saveStorageStatus,
  type StorageStatus,
} from './status-store';

export interface SiteStatusDeps {
  saveSiteHealth: typeof saveSiteHealth;
  saveHidingFallback: typeof saveHidingFallback;
  now(): number;
}

const defaultSiteDeps: SiteStatusDeps = { saveSiteHealth, saveHidingFallback, now: () => Date.now() };

export function createSiteStatusRecorder(deps: SiteStatusDeps = defaultSiteDeps): {
  health(adapter: PlatformAdapter, message: unknown): void;
  fallback(adapter: PlatformAdapter, message: unknown): void;
} {
  return {
    health(adapter, message) {
      const health = validateHealthMessage(message, adapter.id);
      if (!health) return;
      void deps.saveSiteHealth(adapter.id, {
        status: health.status,
        at: deps.now(),
        ...(health.diagnostic ? { diagnostic: health.diagnostic } : {}),
      });
    },
    fallback(adapter, message) {
      const fallback = validateFallbackMessage(message, adapter.id);
      if (fallback) void deps.saveHidingFallback(adapter.id, fallback, deps.now());
    },
  };
}

export interface StorageStatusDeps {
  save(status: StorageStatus | undefined): Promise<void>;
  now(): number;
}

const defaultStorageDeps: StorageStatusDeps = { save: saveStorageStatus, now: () => Date.now() };

/** For the ingest queue: `failed` after a write that failed, `written` after one that succeeded. */
export function createStorageStatusTracker(deps: StorageStatusDeps = defaultStorageDeps): {
  written(): void;
  failed(error: unknown, count: number): void;
} {
  let failing = false;
  let lost = 0;
  return {
    written() {
      if (!failing) return;
      failing = false;
      lost = 0;
      void deps.save(undefined);
    },
    failed(error, count) {
      failing = true;
      lost += count;
      void deps.save({ error: describeStorageError(error), lost, at: deps.now() });
    },
  };
}
