import { useState } from 'preact/hooks';
import { downloadText } from '@/lib/ui/download';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { exportChunks, exportFileName } from '@/lib/storage/export';

/** Downloads everything Feedlens has stored as one JSON file (format in the README). */
export function ExportButton(props: { db: FeedlensDatabase; label?: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  const run = async () => {
    setState('busy');
    try {
      downloadText(await exportChunks(props.db), exportFileName());
      setState('idle');
    } catch {
      setState('error');
    }
  };
  return (
    <span class="export">
      <button type="button" class="button" disabled={state === 'busy'} onClick={() => void run()}>
        {state === 'busy' ? 'Exporting…' : (props.label ?? 'Export data')}
      </button>
      {state === 'error' && <span role="alert"> Export failed; nothing was changed.</span>}
    </span>
  );
}
