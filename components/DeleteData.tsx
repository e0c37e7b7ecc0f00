/** Deleting one site's data or everything, each after a confirmation with a backup offered first. */
import { useState } from 'preact/hooks';
import type { PlatformId } from '@/lib/model';
import { ADAPTERS } from '@/lib/platforms/registry';
import type { FeedlensDatabase } from '@/lib/storage/db';
import type { StoredTotals } from '@/lib/storage/delete';
import { deleteStored } from '@/lib/ui/data-client';
import { counted } from '@/lib/ui/counted';
import { plural, t } from '@/lib/ui/i18n';
import { ConfirmDelete } from './ConfirmDelete';

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
      {!asking && (!totals || totals.posts === 0) && <p class="muted">{t('prefs.delete.nothing')}</p>}
      {totals && totals.posts > 0 && (
        <p>
          <label>
            {t('prefs.delete.siteLabel')}{' '}
            <select value={chosen} disabled={props.busy} onChange={(e) => setSite(e.currentTarget.value as PlatformId)}>
              {sites.map((p) => (
                <option key={p} value={p}>
                  {nameOf(p)} ({counted(totals.sites[p]!, 'post')})
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
            {t('prefs.delete.siteButton', { site: chosen ? nameOf(chosen) : '' })}
          </button>{' '}
          <button
            type="button"
            class="button"
            disabled={props.busy}
            onClick={() => setAsking({ kind: 'all', posts: totals.posts, snapshots: totals.snapshots })}
          >
            {t('prefs.delete.allButton')}
          </button>
        </p>
      )}
      {asking?.kind === 'site' && (
        <ConfirmDelete
          db={props.db}
          question={plural('prefs.delete.siteQuestion', asking.posts, { site: nameOf(asking.platform) })}
          detail={t('prefs.delete.siteDetail', { site: nameOf(asking.platform) })}
          confirmLabel={t('prefs.delete.siteConfirm', { site: nameOf(asking.platform) })}
          onConfirm={() => deleteStored({ kind: 'site', platform: asking.platform })}
          onClose={close}
        />
      )}
      {asking?.kind === 'all' && (
        <ConfirmDelete
          db={props.db}
          question={t('prefs.delete.allQuestion')}
          detail={t('prefs.delete.allDetail', {
            posts: counted(asking.posts, 'post'),
            snapshots: counted(asking.snapshots, 'snapshot'),
          })}
          confirmLabel={t('prefs.delete.allConfirm')}
          onConfirm={() => deleteStored({ kind: 'all' })}
          onClose={close}
        />
      )}
    </div>
  );
}
