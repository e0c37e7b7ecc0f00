import { useState } from 'preact/hooks';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { bumpStoreGeneration } from '@/lib/background/status-store';
import { importData, parseImport } from '@/lib/storage/import';

/** Reads an export file back in, merging it with what is stored. A bad file changes nothing. */
export function ImportForm(props: { db: FeedlensDatabase }) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    const parsed = parseImport(await file.text());
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: parsed.error });
      return;
    }
    try {
      const result = await importData(props.db, parsed.data);
      await bumpStoreGeneration();
      setMessage({ kind: 'ok', text: `Imported ${result.posts} posts and ${result.snapshots} snapshots.` });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
  return (
    <div class="import">
      <label>
        Import an export file:{' '}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </label>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          class={message.kind === 'error' ? 'notice notice-error' : 'notice notice-info'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
