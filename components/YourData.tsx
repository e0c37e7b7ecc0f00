/**
 * The settings page's "Your data": how much is stored and the space it takes, export and import,
 * how long posts are kept, deleting data, and what Feedlens deleted on its own (never silently).
 */
import { useEffect, useState } from 'preact/hooks';
import { isRunning } from '@/lib/messages/data';
import type { Settings } from '@/lib/settings/settings';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { storedTotals, type StoredTotals } from '@/lib/storage/delete';
import { counted } from '@/lib/ui/counted';
import { formatBytes, formatDateTime } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';
import { DeleteData } from './DeleteData';
import { ExportButton } from './ExportButton';
import { ImportForm } from './ImportForm';
import { RetentionChoice } from './RetentionChoice';
import { useDataJob, useDataNotices } from './useDataJob';

interface Usage {
  totals: StoredTotals;
  estimate: StorageEstimate | null;
}

function StorageUsed(props: { usage: Usage | null }) {
  if (!props.usage) return <p aria-busy="true">{t('prefs.data.counting')}</p>;
  const { totals, estimate } = props.usage;
  const stored = { posts: counted(totals.posts, 'post'), snapshots: counted(totals.snapshots, 'snapshot') };
  const used = estimate?.usage;
  const text =
    used === undefined
      ? t('prefs.data.stores', stored)
      : estimate?.quota === undefined
        ? t('prefs.data.storesUsing', { ...stored, used: formatBytes(used) })
        : t('prefs.data.storesUsingQuota', { ...stored, used: formatBytes(used), quota: formatBytes(estimate.quota) });
  return (
    <p class="storage-used" data-posts={totals.posts} data-snapshots={totals.snapshots}>
      {text}
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
  // The link is markup inside the sentence, so the sentence is split around it.
  const [beforeLink, afterLink = ''] = t('prefs.data.dashboard').split('{link}');

  return (
    <section aria-labelledby="data-heading" class="your-data">
      <h2 id="data-heading">{t('prefs.data.title')}</h2>
      <p>
        {t('prefs.data.intro')} {beforeLink}
        <a href="/dashboard.html" target="_blank">
          {t('prefs.data.dashboardLink')}
        </a>
        {afterLink}
      </p>
      <StorageUsed usage={usage} />
      <p>
        <ExportButton db={props.db} label={t('prefs.data.exportAll')} offerSettings />
      </p>
      <ImportForm />
      <h3>{t('prefs.data.keepTitle')}</h3>
      <RetentionChoice db={props.db} settings={props.settings} save={props.save} />
      <h3>{t('prefs.data.deleteTitle')}</h3>
      <DeleteData db={props.db} totals={usage?.totals ?? null} busy={busy} onDone={() => setRefresh((r) => r + 1)} />
      {notices.length > 0 && (
        <>
          <h3>{t('prefs.data.noticesTitle')}</h3>
          <ul class="data-notices">
            {notices.map((notice) => (
              <li key={notice.at}>
                <time dateTime={new Date(notice.at).toISOString()}>{formatDateTime(notice.at)}</time>: {notice.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
