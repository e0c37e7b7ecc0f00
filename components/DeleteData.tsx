/** Deleting one site's data or everything, each after a confirmation with a backup offered first. */
import { useState } from 'preact/hooks';
import type { PlatformId } from '@/lib/model';
import { ADAPTERS } from '@/lib/platforms/registry';
import type { FeedlensDatabase } from '@/lib/storage/db';
import type { StoredTotals } from '@/lib/storage/delete';
import { deleteStored } from '@/lib/ui/data-client';
import { ConfirmDelete } from './ConfirmDelete';

const n = (count: number) => count.toLocaleString();
const nameOf = (platform: PlatformId) => ADAPTERS.find((a) => a.id === platform)?.name ?? platform;

export function DeleteData(props: {
  db: FeedlensDatabase;
  totals: StoredTotals | null;
  busy: boolean;
  onDone(): void;
}) {
  const sites = Object.keys(props.totals?.sites ?? {}) as PlatformId[];
  const [site, setSite] = useState<PlatformId | ''>('');
  const [asking, setAsking] = useState<'site' | 'all' | null>(null);
  const chosen = site && sites.includes(site) ? site : sites[0];
  const close = () => {
    setAsking(null);
    props.onDone();
  };
  if (!props.totals || props.totals.posts === 0)
    return <p class="muted">Nothing is stored yet, so there is nothing to delete.</p>;
  return (
    <div class="delete-data">
      <p>
        <label>
          Delete one site’s data:{' '}
          <select value={chosen} disabled={props.busy} onChange={(e) => setSite(e.currentTarget.value as PlatformId)}>
            {sites.map((p) => (
              <option key={p} value={p}>
                {nameOf(p)} ({n(props.totals!.sites[p]!)} posts)
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" class="button" disabled={props.busy || !chosen} onClick={() => setAsking('site')}>
          Delete {chosen ? nameOf(chosen) : ''} data…
        </button>{' '}
        <button type="button" class="button" disabled={props.busy} onClick={() => setAsking('all')}>
          Delete all data…
        </button>
      </p>
      {asking === 'site' && chosen && (
        <ConfirmDelete
          db={props.db}
          question={`Delete all ${n(props.totals.sites[chosen]!)} posts from ${nameOf(chosen)}?`}
          detail={`Every ${nameOf(chosen)} post Feedlens stored goes, with its snapshots; other sites and your settings stay.`}
          confirmLabel={`Delete ${nameOf(chosen)} data`}
          onConfirm={() => deleteStored({ kind: 'site', platform: chosen })}
          onClose={close}
        />
      )}
      {asking === 'all' && (
        <ConfirmDelete
          db={props.db}
          question="Delete everything Feedlens has stored?"
          detail={`All ${n(props.totals.posts)} posts and ${n(props.totals.snapshots)} snapshots go, from every site. Your settings stay.`}
          confirmLabel="Delete all data"
          onConfirm={() => deleteStored({ kind: 'all' })}
          onClose={close}
        />
      )}
    </div>
  );
}
