/**
 * One post's history: its counts over time (a sparkline and the numbers), its counts at fixed ages
 * and how fast it is growing. The snapshots are read only when this opens (one indexed range).
 */
import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '@/lib/ui/format';
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

function time(at: number): string {
  return new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
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
    <div class="history" aria-label={`History of this post (${history.length} snapshots)`}>
      <div class="history-head">
        <Sparkline points={history.map((s) => ({ at: s.at, count: s.counts.likes }))} label="Likes over time" />
        <span class="history-growth" title="Likes per hour between the two latest snapshots">
          {formatVelocity(growth)} likes
        </span>
      </div>
      {post.ages && (
        <dl class="ages">
          {AGES.map((age) => (
            <div key={age.id} data-age={age.id}>
              <dt>likes at {ageLabel(age.id)}</dt>
              <dd>{post.ages?.[age.id] ? formatCount(post.ages[age.id]!.counts.likes) : '—'}</dd>
            </div>
          ))}
        </dl>
      )}
      <table class="history-table">
        <thead>
          <tr>
            <th scope="col">when</th>
            {COLUMNS.map((m) => (
              <th key={m} scope="col">
                {m}
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
          {history.length - MAX_ROWS} older snapshots:{' '}
          <a href={`/dashboard.html#post=${encodeURIComponent(post.key)}`} target="_blank">
            full history in the dashboard
          </a>
        </p>
      )}
    </div>
  );
}
