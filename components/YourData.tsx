/**
 * The settings page's "Your data": how much is stored and the space it takes, export and import,
 * how long posts are kept, deleting data, and what Feedlens deleted on its own (never silently).
 */
import { useEffect, useState } from 'preact/hooks';
import { isRunning } from '@/lib/messages/data';
import type { Settings } from '@/lib/settings/settings';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { storedTotals, type StoredTotals } from '@/lib/storage/delete';
import { DeleteData } from './DeleteData';
import { ExportButton } from './ExportButton';
import { ImportForm } from './ImportForm';
import { RetentionChoice } from './RetentionChoice';
import { useDataJob, useDataNotices } from './useDataJob';

const n = (count: number) => count.toLocaleString();

function bytes(value: number): string {
  if (value < 1024 * 1024) return `${Math.max(1, Math.round(value / 1024))} KB`;
  if (value < 1024 ** 3) return `${(value / 1024 ** 2).toFixed(1)} MB`;
  return `${(value / 1024 ** 3).toFixed(1)} GB`;
}

interface Usage {
  totals: StoredTotals;
  estimate: StorageEstimate | null;
}

function StorageUsed(props: { usage: Usage | null }) {
  if (!props.usage) return <p aria-busy="true">Counting what is stored…</p>;
  const { totals, estimate } = props.usage;
  return (
    <p class="storage-used" data-posts={totals.posts} data-snapshots={totals.snapshots}>
      Feedlens stores {n(totals.posts)} posts and {n(totals.snapshots)} snapshots
      {estimate?.usage !== undefined && <>, using {bytes(estimate.usage)} of this browser’s storage</>}
      {estimate?.quota !== undefined && <> ({bytes(estimate.quota)} available to it)</>}.
    </p>
  );
}

export function YourData(props: {
  db: FeedlensDatabase;
  settings: Settings;
  save(change: (s: Settings) => Settings): Promise<unknown>;
}) {
  const job = useDataJob();
  const notices = useDataNotices();
  const [usage, setUsage] = useState<Usage | null>(null);
  const [refresh, setRefresh] = useState(0);
  // Counted again when a job (an import, a deletion) ends and after every notice (a clean-up),
  // not at each step of its progress.
  const jobKey = `${isRunning(job) ? 'running' : `${job?.state}:${job?.at}`}:${notices[0]?.at}:${refresh}`;
  useEffect(() => {
    let stopped = false;
    void Promise.all([storedTotals(props.db), navigator.storage?.estimate?.().catch(() => null) ?? null]).then(
      ([totals, estimate]) => !stopped && setUsage({ totals, estimate }),
    );
    return () => {
      stopped = true;
    };
  }, [props.db, jobKey]);
  const busy = isRunning(job);

  return (
    <section aria-labelledby="data-heading" class="your-data">
      <h2 id="data-heading">Your data</h2>
      <p>
        Everything Feedlens reads stays in this browser. Export it as one JSON file (its format is described in the
        README), or import an export from another browser.{' '}
        <a href="/dashboard.html" target="_blank">
          Open the dashboard
        </a>{' '}
        for your posts against peers, engagement rates by author and any post’s counts over time.
      </p>
      <StorageUsed usage={usage} />
      <p>
        <ExportButton db={props.db} label="Export all data" offerSettings />
      </p>
      <ImportForm />
      <h3>How long to keep posts</h3>
      <RetentionChoice db={props.db} settings={props.settings} save={props.save} />
      <h3>Delete data</h3>
      <DeleteData db={props.db} totals={usage?.totals ?? null} busy={busy} onDone={() => setRefresh((r) => r + 1)} />
      {notices.length > 0 && (
        <>
          <h3>What Feedlens deleted on its own</h3>
          <ul class="data-notices">
            {notices.map((notice) => (
              <li key={notice.at}>
                <time dateTime={new Date(notice.at).toISOString()}>{new Date(notice.at).toLocaleString()}</time>:{' '}
                {notice.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
