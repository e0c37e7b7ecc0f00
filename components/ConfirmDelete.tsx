/**
 * The confirmation every deletion goes through: what will go, in numbers, that it cannot be undone,
 * and a backup (an export) offered first. Nothing is deleted until the user confirms.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DataJob } from '@/lib/messages/data';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { t } from '@/lib/ui/i18n';
import { ExportButton } from './ExportButton';

export function ConfirmDelete(props: {
  db: FeedlensDatabase;
  question: string;
  detail: string;
  confirmLabel: string;
  /** Does the deletion (through the background); its outcome is shown here. */
  onConfirm(): Promise<DataJob>;
  /** Closed: with the deletion's outcome once it ran, without when the user kept their data. */
  onClose(job?: DataJob): void;
}) {
  const [state, setState] = useState<'asking' | 'deleting' | DataJob>('asking');
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const confirm = async () => {
    setState('deleting');
    setState(await props.onConfirm());
  };
  if (typeof state === 'object') {
    return (
      <div class={`notice ${state.state === 'done' ? 'notice-info' : 'notice-error'}`} role="status">
        {state.message}{' '}
        <button type="button" class="button" onClick={() => props.onClose(state)}>
          {t('prefs.confirm.ok')}
        </button>
      </div>
    );
  }
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="confirm-question" aria-describedby="confirm-detail">
      <p id="confirm-question">
        <strong>{props.question}</strong>
      </p>
      <p id="confirm-detail">
        {props.detail} {t('prefs.confirm.undone')}
      </p>
      <p>
        {t('prefs.confirm.backup')} <ExportButton db={props.db} label={t('prefs.confirm.exportBackup')} offerSettings />
      </p>
      <p class="confirm-actions">
        <button
          ref={first}
          type="button"
          class="button"
          disabled={state === 'deleting'}
          onClick={() => props.onClose()}
        >
          {t('prefs.confirm.keep')}
        </button>{' '}
        <button
          type="button"
          class="button button-danger"
          disabled={state === 'deleting'}
          onClick={() => void confirm()}
        >
          {state === 'deleting' ? t('prefs.confirm.deleting') : props.confirmLabel}
        </button>
      </p>
    </div>
  );
}
