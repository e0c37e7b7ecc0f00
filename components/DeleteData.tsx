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

/** What the user asked to delete, fixed when they asked (the totals change once it is gone). */
type Asking = { kind: 'site'; platform: PlatformId; posts: number } | { kind: 'all'; posts: number; snapshots: number };

export function DeleteData(props: {
  db: FeedlensDatabase;
  totals: StoredTotals | null;
  busy: boolean;
  onDone(): void;
}) {
  const sites = Object.keys(props.totals?.sites ?? {}) as PlatformId[];
  const [site, setSite] = useState<PlatformId | ''>('');
  const [asking, setAsking] = useState<Asking | null>(null);
  const chosen = site && sites.includes(site) ? site : sites[0];
  const close = () => {
    setAsking(null);
    props.onDone();
  };
  const totals = props.totals;
  return (
    <div class="delete-data">
      {!asking && (!totals || totals.posts === 0) && (
        <p class="muted">Nothing is stored, so there is nothing to delete.</p>
      )}
      {totals && totals.posts > 0 && (
        <p>
          <label>
            Delete one site’s data:{' '}
            <select value={chosen} disabled={props.busy} onChange={(e) => setSite(e.currentTarget.value as PlatformId)}>
              {sites.map((p) => (
                <option key={p} value={p}>
                  {nameOf(p)} ({n(totals.sites[p]!)} posts)
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            class="button"
            disabled={props.busy || !chosen}
            onClick={() => chosen && setAsking({ kind: 'site', platform: chosen, posts: totals.sites[chosen]! })}
          >
            Delete {chosen ? nameOf(chosen) : ''} data…
          </button>{' '}
          <button
            type="button"
            class="button"
            disabled={props.busy}
            onClick={() => setAsking({ kind: 'all', posts: totals.posts, snapshots: totals.snapshots })}
          >
            Delete all data…
          </button>
        </p>
      )}
      {asking?.kind === 'site' && (
        <ConfirmDelete
          db={props.db}
          question={`Delete all ${n(asking.posts)} posts from ${nameOf(asking.platform)}?`}
          detail={`Every ${nameOf(asking.platform)} post Feedlens stored goes, with its snapshots; other sites and your settings stay.`}
          confirmLabel={`Delete ${nameOf(asking.platform)} data`}
          onConfirm={() => deleteStored({ kind: 'site', platform: asking.platform })}
          onClose={close}
        />
      )}
      {asking?.kind === 'all' && (
        <ConfirmDelete
          db={props.db}
          question="Delete everything Feedlens has stored?"
          detail={`All ${n(asking.posts)} posts and ${n(asking.snapshots)} snapshots go, from every site. Your settings stay.`}
          confirmLabel="Delete all data"
          onConfirm={() => deleteStored({ kind: 'all' })}
          onClose={close}
        />
      )}
    </div>
  );
}
