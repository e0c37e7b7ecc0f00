/**
 * Reads an export file back in, through the background (the only writer of the store): the file is
 * streamed to it, checked whole before anything is saved, and merged with what is stored. Shows how
 * far it has got, with a Cancel while checking; a refused or cancelled import changes nothing.
 */
import { useRef, useState } from 'preact/hooks';
import { isRunning, sizeRefusal, type DataJob } from '@/lib/messages/data';
import { importFile, type RunningImport } from '@/lib/ui/data-client';
import { counted } from '@/lib/ui/counted';
import { formatMegabytes, formatNumber } from '@/lib/ui/format';
import { plural, t } from '@/lib/ui/i18n';
import { useDataJob } from './useDataJob';

const n = (count: number | undefined) => formatNumber(count ?? 0);

function ImportProgress(props: { job: DataJob; cancel?: () => void }) {
  const { job } = props;
  if (job.state === 'checking') {
    return (
      <div class="data-progress" role="status">
        <progress max={job.totalBytes || 1} value={job.bytes ?? 0} />{' '}
        {t('prefs.import.checking', {
          read: formatMegabytes(job.bytes ?? 0),
          total: formatMegabytes(job.totalBytes ?? 0),
          posts: counted(job.posts, 'post'),
          snapshots: counted(job.snapshots, 'snapshot'),
        })}{' '}
        {props.cancel && (
          <button type="button" class="button" onClick={props.cancel}>
            {t('prefs.import.cancel')}
          </button>
        )}
      </div>
    );
  }
  return (
    <div class="data-progress" role="status">
      <progress max={job.totalPosts || 1} value={job.posts} />{' '}
      {plural('prefs.import.saving', job.totalPosts ?? 0, {
        done: n(job.posts),
        snapshots: plural('prefs.import.savingSnapshots', job.totalSnapshots ?? 0, { done: n(job.snapshots) }),
      })}
    </div>
  );
}

export function ImportForm() {
  const job = useDataJob();
  const [restoreSettings, setRestoreSettings] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const running = useRef<RunningImport | null>(null);
  const [, rerender] = useState(0);
  const busy = isRunning(job) || running.current !== null;

  const onFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || busy) return;
    const refusal = sizeRefusal(file.size);
    setLocal(refusal);
    if (refusal) return;
    const started = importFile(file, restoreSettings);
    running.current = started;
    rerender((x) => x + 1);
    void started.done.then((outcome) => {
      running.current = null;
      // The background publishes its outcome for every page; what only this page saw is shown from here.
      setLocal(outcome.error ?? null);
      rerender((x) => x + 1);
    });
  };

  const outcome = job?.kind === 'import' && !isRunning(job) ? job : undefined;
  return (
    <div class="import">
      <label>
        {t('prefs.import.label')}{' '}
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => onFile(e.currentTarget as HTMLInputElement)}
        />
      </label>
      <label class="import-settings">
        <input
          type="checkbox"
          checked={restoreSettings}
          disabled={busy}
          onChange={(e) => setRestoreSettings(e.currentTarget.checked)}
        />{' '}
        {t('prefs.import.restoreSettings')}
      </label>
      {job?.kind === 'import' && isRunning(job) && (
        <ImportProgress job={job} {...(running.current ? { cancel: () => running.current?.cancel() } : {})} />
      )}
      {local && (
        <p role="alert" class="notice notice-error">
          {local}
        </p>
      )}
      {!local && outcome?.message && (
        <p
          role={outcome.state === 'done' ? 'status' : 'alert'}
          class={`notice ${outcome.state === 'done' ? 'notice-info' : outcome.state === 'cancelled' ? 'notice-warning' : 'notice-error'}`}
        >
          {outcome.message}
        </p>
      )}
    </div>
  );
}
