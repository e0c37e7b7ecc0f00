/**
 * Downloads everything Feedlens has stored as one JSON file (format in the README), optionally with
 * the user's settings, showing how far it has got. The file is built by a worker, a page of records
 * at a time, so the page stays responsive with a year of data.
 */
import { useState } from 'preact/hooks';
import { loadSettings } from '@/lib/settings/store';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { exportFileName, type ExportProgress } from '@/lib/storage/export';
import { exportFile } from '@/lib/ui/data-client';
import { downloadText } from '@/lib/ui/download';
import { counted } from '@/lib/ui/counted';
import { formatNumber } from '@/lib/ui/format';
import { plural, t } from '@/lib/ui/i18n';

export function exportProgressText(p: ExportProgress): string {
  return p.posts < p.totalPosts || p.totalSnapshots === 0
    ? plural('prefs.export.posts', p.totalPosts, { done: formatNumber(p.posts) })
    : plural('prefs.export.snapshots', p.totalSnapshots, { done: formatNumber(p.snapshots) });
}

export function ExportButton(props: {
  db: FeedlensDatabase;
  label?: string;
  /** Offer "Include my settings" (accounts, peers, hiding choices); otherwise data only. */
  offerSettings?: boolean;
}) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  const [withSettings, setWithSettings] = useState(true);
  const run = async () => {
    setState('busy');
    setProgress(null);
    try {
      const settings = props.offerSettings && withSettings ? await loadSettings() : undefined;
      // Built in a worker: reading and stringifying a year of records would hold this page for seconds.
      const blob = await exportFile(props.db, settings, setProgress);
      downloadText([blob], exportFileName());
      setState('done');
    } catch {
      setState('error');
    }
  };
  return (
    <span class="export">
      <button type="button" class="button" disabled={state === 'busy'} onClick={() => void run()}>
        {props.label ?? t('prefs.export.button')}
      </button>
      {props.offerSettings && (
        <label class="export-settings">
          <input
            type="checkbox"
            checked={withSettings}
            disabled={state === 'busy'}
            onChange={(e) => setWithSettings(e.currentTarget.checked)}
          />{' '}
          {t('prefs.export.withSettings')}
        </label>
      )}
      {state === 'busy' && (
        <span class="data-progress" role="status">
          {progress && (
            <progress max={progress.totalPosts + progress.totalSnapshots} value={progress.posts + progress.snapshots} />
          )}{' '}
          {progress ? exportProgressText(progress) : t('prefs.export.busy')}
        </span>
      )}
      {state === 'done' && progress && (
        <span role="status">
          {' '}
          {t('prefs.export.done', {
            posts: counted(progress.posts, 'post'),
            snapshots: counted(progress.snapshots, 'snapshot'),
          })}
        </span>
      )}
      {state === 'error' && <span role="alert"> {t('prefs.export.failed')}</span>}
    </span>
  );
}
