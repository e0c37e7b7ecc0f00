/** "Delete this post": the post and all its snapshots, after a confirmation with a backup offered. */
import { useState } from 'preact/hooks';
import type { FeedlensDatabase, PostRecord } from '@/lib/storage/db';
import { deleteStored } from '@/lib/ui/data-client';
import { ConfirmDelete } from './ConfirmDelete';

export function DeletePostButton(props: {
  db: FeedlensDatabase;
  post: PostRecord;
  snapshots: number;
  onDeleted(): void;
}) {
  const [asking, setAsking] = useState(false);
  const who = props.post.author ? `@${props.post.author}’s post` : 'this post';
  if (!asking) {
    return (
      <button type="button" class="button" onClick={() => setAsking(true)}>
        Delete this post…
      </button>
    );
  }
  return (
    <ConfirmDelete
      db={props.db}
      question={`Delete ${who} from Feedlens?`}
      detail={`Its record and its ${props.snapshots.toLocaleString()} snapshots are deleted from this browser (the post itself stays on the site).`}
      confirmLabel="Delete this post"
      onConfirm={() => deleteStored({ kind: 'post', key: props.post.key })}
      onClose={(job) => {
        setAsking(false);
        if (job?.state === 'done') props.onDeleted();
      }}
    />
  );
}
