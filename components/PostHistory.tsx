/**
 * One post's history: its counts over time (a sparkline and the numbers), its counts at fixed ages
 * and how fast it is growing. The snapshots are read only when this opens (one indexed range).
 */
import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '@/lib/ui/format';
import { plural, t, uiLocale } from '@/lib/ui/i18n';
import { capitalized, metricLabel } from '@/lib/ui/labels';
import { AGES } from '@/lib/metrics/ages';
import { ageLabel, formatVelocity } from '@/lib/metrics/format';
import { growthSeries } from '@/lib/metrics/growth';
import type { Metric } from '@/lib/model';
import type { FeedlensDatabase, PostRecord, SnapshotRecord } from '@/lib/storage/db';
import { snapshotsOf } from '@/lib/storage/queries';
import { Sparkline } from './Sparkline';

const COLUMNS: Metric[] = ['likes', 'reposts', 'replies', 'views'];
/** Rows shown in the popup's table (newest first); the dashboard has the full history. */
const MAX_ROWS = 8;

const times = new Map<string, Intl.DateTimeFormat>();
/** "Nov 3, 14:05" in the UI language and the user's time zone: short enough for the popup's table. */
function time(at: number, locale = uiLocale()): string {
  let format = times.get(locale);
  if (!format)
    times.set(
      locale,
      (format = new Intl.DateTimeFormat(locale, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })),
    );
  return format.format(at);
}

export function PostHistory(props: { db: FeedlensDatabase; post: PostRecord }) {
  const { post } = props;
  const [history, setHistory] = useState<SnapshotRecord[] | null>(null);
  useEffect(() => {
    let stopped = false;
    void snapshotsOf(props.db, post.key).then((s) => !stopped && setHistory(s));
    return () => {
      stopped = true;
    };
    // A new snapshot (lastSnapshotAt moves) reloads the history.
  }, [props.db, post.key, post.lastSnapshotAt]);

  if (!history) return <div class="history" aria-busy="true" />;
  const points = history.map((s) => ({ at: s.at, counts: s.counts }));
  const growth = growthSeries(points, 'likes').at(-1) ?? null;
  const rows = history.slice(-MAX_ROWS).reverse();
  return (
    <div class="history" aria-label={plural('pop.history.label', history.length)}>
      <div class="history-head">
        <Sparkline
          points={history.map((s) => ({ at: s.at, count: s.counts.likes }))}
          label={t('card.sparkLabel', { metric: capitalized(metricLabel('likes')) })}
        />
        <span class="history-growth" title={t('pop.history.growthTitle')}>
          {t('pop.history.growth', { value: formatVelocity(growth) })}
        </span>
      </div>
      {post.ages && (
        <dl class="ages">
          {AGES.map((age) => (
            <div key={age.id} data-age={age.id}>
              <dt>{t('pop.history.likesAt', { age: ageLabel(age.id) })}</dt>
              <dd>{post.ages?.[age.id] ? formatCount(post.ages[age.id]!.counts.likes) : '—'}</dd>
            </div>
          ))}
        </dl>
      )}
      <table class="history-table">
        <thead>
          <tr>
            <th scope="col">{t('pop.history.when')}</th>
            {COLUMNS.map((m) => (
              <th key={m} scope="col">
                {metricLabel(m)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.at}>
              <td>{time(s.at)}</td>
              {COLUMNS.map((m) => (
                <td key={m} data-metric={m}>
                  {formatCount(s.counts[m])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {history.length > MAX_ROWS && (
        <p class="muted">
          {plural('pop.history.older', history.length - MAX_ROWS)}{' '}
          <a href={`/dashboard.html#post=${encodeURIComponent(post.key)}`} target="_blank">
            {t('pop.history.fullHistory')}
          </a>
        </p>
      )}
    </div>
  );
}
