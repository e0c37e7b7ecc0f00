/**
 * "Keep posts": forever, or for a number of days since a post was last seen. Choosing a period that
 * would delete posts now asks first, with the number and a backup offered.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadLastCleanup, watchLastCleanup, type LastCleanup } from '@/lib/background/data-status';
import type { Settings } from '@/lib/settings/settings';
import type { FeedlensDatabase } from '@/lib/storage/db';
import { countUnseenSince, retentionCutoff } from '@/lib/storage/delete';
import { formatDateTime } from '@/lib/ui/format';
import { plural, t } from '@/lib/ui/i18n';
import { ConfirmDelete } from './ConfirmDelete';

const CHOICES: (number | null)[] = [null, 730, 365, 180, 90, 30];

/** "forever", "for 2 years", "for 90 days": whole years read as years. */
function periodLabel(days: number | null): string {
  if (days === null) return t('prefs.keep.forever');
  return days % 365 === 0 ? plural('prefs.keep.forYears', days / 365) : plural('prefs.keep.forDays', days);
}

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
  const choices = CHOICES.includes(current) ? CHOICES : [...CHOICES, current];
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
        {t('prefs.keep.label')}{' '}
        <select
          value={current === null ? 'forever' : String(current)}
          onChange={(e) => void choose(e.currentTarget.value)}
        >
          {choices.map((days) => (
            <option key={String(days)} value={days === null ? 'forever' : String(days)}>
              {periodLabel(days)}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">
        {current === null ? t('prefs.keep.foreverDetail') : plural('prefs.keep.detail', current)}
        {current !== null && cleanup && (
          <span class="last-cleanup">
            {' '}
            {cleanup.posts
              ? plural('prefs.keep.lastDeleted', cleanup.posts, { time: formatDateTime(cleanup.at) })
              : t('prefs.keep.lastNothing', { time: formatDateTime(cleanup.at) })}
          </span>
        )}
      </p>
      {pending && (
        <ConfirmDelete
          db={props.db}
          question={plural('prefs.keep.question', pending.days)}
          detail={plural('prefs.keep.confirmDetail', pending.posts, {
            unseen: plural('prefs.keep.unseenFor', pending.days),
          })}
          confirmLabel={plural('prefs.keep.confirm', pending.days)}
          onConfirm={async () => {
            await apply(pending.days);
            return {
              kind: 'delete',
              state: 'done',
              message: plural('prefs.keep.done', pending.days),
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
