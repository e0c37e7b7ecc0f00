/**
 * The background's data services, wired together: the data channel for Feedlens's pages (import,
 * deletion), retention by age, making room when storage is full, and finishing an import that was
 * being saved when the worker stopped.
 */
import type { HostCheck } from '../messages/reading';
import { adapterById } from '../platforms/registry';
import type { FeedlensDatabase } from '../storage/schema';
import type { ImportDeps } from './data-import';
import { createQuotaHandler } from './data-quota';
import { startAgeRetention } from './data-retention';
import { createJobQueue, listenForDataRequests, resumeImport } from './data-service';

export interface DataServicesOptions {
  getDb(): Promise<FeedlensDatabase>;
  hostAllowed: HostCheck;
  /** Someone else wrote post records: the ingest queue must forget its cached ones. */
  invalidate(): void;
}

export function startDataServices(options: DataServicesOptions): { makeRoom(error: unknown): Promise<unknown> } {
  const jobs = createJobQueue();
  const makeRoom = createQuotaHandler(options);
  const deps: ImportDeps = {
    ...options,
    siteName: (platform) => adapterById(platform)?.name ?? platform,
    makeRoom,
  };
  listenForDataRequests(deps, jobs);
  startAgeRetention({ ...options, jobs });
  void resumeImport(deps, jobs).catch((error: unknown) =>
    console.error('Feedlens: could not finish the import that was being saved', error),
  );
  return { makeRoom };
}
