/** "Delete this post": the post and all its snapshots, after a confirmation with a backup offered. */
import { useState } from 'preact/hooks';
import type { FeedlensDatabase, PostRecord } from '@/lib/storage/db';
import { deleteStored } from '@/lib/ui/data-client';
import { plural, t } from '@/lib/ui/i18n';
import { ConfirmDelete } from './ConfirmDelete';

export function DeletePostButton(props: {
  db: FeedlensDatabase;
  post: PostRecord;
  snapshots: number;
  onDeleted(): void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="button" onClick={() => setAsking(true)}>
        {t('prefs.deletePost.button')}
      </button>
    );
  }
  return (
    <ConfirmDelete
      db={props.db}
      question={
        props.post.author
          ? t('prefs.deletePost.questionAuthor', { author: props.post.author })
          : t('prefs.deletePost.question')
      }
      detail={plural('prefs.deletePost.detail', props.snapshots)}
      confirmLabel={t('prefs.deletePost.confirm')}
      onConfirm={() => deleteStored({ kind: 'post', key: props.post.key })}
      onClose={(job) => {
        setAsking(false);
        if (job?.state === 'done') props.onDeleted();
      }}
    />
  );
}
