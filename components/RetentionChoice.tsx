/**
 * "Keep posts": forever, or for a number of days since a post was last seen. Choosing a period that
 * would delete posts now asks first, with the number and a backup offered.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadLastCleanup, watchLastCleanup, type LastCleanup } from '@/lib/background/data-status';
import type { Settings } from '@/lib/settings/settings';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { countUnseenSince, retentionCutoff } from '@/lib/storage/delete';
import { counted } from '@/lib/ui/counted';
import { ConfirmDelete } from './ConfirmDelete';

const CHOICES: { days: number | null; label: string }[] = [
  { days: null, label: 'forever' },
  { days: 730, label: 'for 2 years' },
  { days: 365, label: 'for 1 year' },
  { days: 180, label: 'for 180 days' },
  { days: 90, label: 'for 90 days' },
  { days: 30, label: 'for 30 days' },
];

export function RetentionChoice(props: {
  db: FeedlensDatabase;
  settings: Settings;
  save(change: (s: Settings) => Settings): Promise<unknown>;
}) {
  const current = props.settings.keepPostsDays;
  const [pending, setPending] = useState<{ days: number; posts: number } | null>(null);
  const [cleanup, setCleanup] = useState<LastCleanup | undefined>(undefined);
  useEffect(() => {
    void loadLastCleanup().then(setCleanup);
    return watchLastCleanup(setCleanup);
  }, []);
  const choices = CHOICES.some((c) => c.days === current)
    ? CHOICES
    : [...CHOICES, { days: current, label: `for ${current} days` }];
  const apply = (days: number | null) => props.save((s) => ({ ...s, keepPostsDays: days }));
  const choose = async (value: string) => {
    const days = value === 'forever' ? null : Number(value);
    if (days === null) return void (await apply(null));
    const posts = await countUnseenSince(props.db, retentionCutoff(days, Date.now()));
    if (posts === 0) await apply(days);
    else setPending({ days, posts });
  };
  return (
    <div class="retention">
      <label>
        Keep posts{' '}
        <select
          value={current === null ? 'forever' : String(current)}
          onChange={(e) => void choose(e.currentTarget.value)}
        >
          {choices.map((c) => (
            <option key={c.label} value={c.days === null ? 'forever' : String(c.days)}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">
        {current === null
          ? 'Every post stays until you delete it.'
          : `Posts you have not seen for ${current} days are deleted with their snapshots, checked every six hours; a post you keep seeing stays.`}
        {current !== null && cleanup && (
          <span class="last-cleanup">
            {' '}
            Last checked {new Date(cleanup.at).toLocaleString()}
            {cleanup.posts ? `: ${cleanup.posts.toLocaleString()} deleted.` : ': nothing to delete.'}
          </span>
        )}
      </p>
      {pending && (
        <ConfirmDelete
          db={props.db}
          question={`Keep posts for ${pending.days} days?`}
          detail={`${counted(pending.posts, 'post')} you have not seen for ${pending.days} days will be deleted with their snapshots within a minute.`}
          confirmLabel={`Keep posts for ${pending.days} days`}
          onConfirm={async () => {
            await apply(pending.days);
            return {
              kind: 'delete',
              state: 'done',
              message: `From now on posts are kept for ${pending.days} days; the older ones are being deleted.`,
              posts: 0,
              snapshots: 0,
              at: Date.now(),
            };
          }}
          onClose={() => setPending(null)}
        />
      )}
    </div>
  );
}
