/**
 * A dedicated worker that builds export files for Feedlens's pages, off their main thread: reading
 * a year of records and turning them into JSON would otherwise hold the page for seconds.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveExports, type WorkerScope } from '@/lib/storage/export-worker';

export default defineUnlistedScript(() => serveExports(self as unknown as WorkerScope));
