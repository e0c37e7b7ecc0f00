/** The dashboard's sections; each says what to do when it has nothing to show. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Chart } from '@/components/Chart';
import { DataTable } from '@/components/DataTable';
import { DeletePostButton } from '@/components/DeletePostButton';
import type { AgeId } from '@/lib/metrics/ages';
import { compareWithPeers, engagementByAuthor, MEASURE_LABELS, type Measure } from '@/lib/metrics/compare';
import { ageLabel } from '@/lib/metrics/format';
import { BENCHMARK_CAVEAT } from '@/lib/metrics/benchmarks';
import type { FeedlensDatabase, PostRecord, SnapshotRecord } from '@/lib/storage/db';
import type { PlatformId } from '@/lib/model';
import { snapshotsOf } from '@/lib/storage/queries';
import { t } from '@/lib/ui/i18n';
import { comparisonChart, distributionChart, historyChart } from './charts';
import {
  PUBLISHED_BENCHMARKS,
  benchmarkColumns,
  comparisonColumns,
  distributionColumns,
  historyColumns,
  postColumns,
} from './columns';
import { SAMPLE, type DashboardData } from './load';

/** Authors drawn in the distribution chart (the table has them all). */
const CHART_AUTHORS = 15;
/** A distribution needs a few posts: authors with fewer rated posts are left out of it. */
const DISTRIBUTION_MIN_POSTS = 3;
/** Rows rendered per table; the CSV always has them all, and so the page stays quick with a year of data. */
const SHOWN_ROWS = 50;

export interface SectionProps {
  data: DashboardData;
  platform: PlatformId;
  platformName: string;
  handles: string[];
  age: AgeId;
  measure: Measure;
}

export function ComparisonSection(props: SectionProps) {
  const { data, age, measure } = props;
  const label = MEASURE_LABELS[measure];
  const { rows, peerValues } = useMemo(
    () => compareWithPeers(data.mine, data.peers, age, measure),
    [data, age, measure],
  );
  const chart = useMemo(() => comparisonChart(rows, measure, label), [rows, measure, label]);
  const peersText = data.peersChosen
    ? `your chosen peers (${peerValues.length} of their posts have a value at ${ageLabel(age)})`
    : `everyone else Feedlens saw on ${props.platformName} in this range (${peerValues.length} posts with a value at ${ageLabel(age)}, from the newest ${SAMPLE.toLocaleString()})`;
  return (
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">My accounts vs peers</h2>
      {props.handles.length === 0 ? (
        <p class="empty">
          Name your {props.platformName} accounts in <a href="#people">Accounts and peers</a> below to compare your
          posts with your peers’ at the same age.
        </p>
      ) : rows.length === 0 ? (
        <p class="empty">
          None of {props.handles.map((h) => `@${h}`).join(', ')}’s posts in this range has a value at {ageLabel(age)}.
          Feedlens knows a post’s counts at an age only if it saw the post around then: open your {props.platformName}{' '}
          profile now and then, or pick another age.
        </p>
      ) : (
        <>
          <p class="muted">
            {label} of each of your posts at {ageLabel(age)} after posting, against the median of {peersText}.
          </p>
          <Chart
            label={`${label} at ${ageLabel(age)}: my posts and peers’ median`}
            options={chart.options}
            data={chart.data}
          />
          <DataTable
            name={`mine-vs-peers-${age}`}
            caption="My posts against peers"
            columns={comparisonColumns(age, measure, label)}
            rows={rows}
            rowKey={(r) => r.post.key}
            limit={SHOWN_ROWS}
          />
        </>
      )}
    </section>
  );
}

export function DistributionSection(props: SectionProps) {
  const authors = useMemo(() => engagementByAuthor(props.data.posts, DISTRIBUTION_MIN_POSTS), [props.data]);
  // Why the chart is empty: no post with public views, or rated posts but too few per author.
  const anyRated = useMemo(() => engagementByAuthor(props.data.posts, 1).length > 0, [props.data]);
  const chart = useMemo(() => distributionChart(authors.slice(0, CHART_AUTHORS)), [authors]);
  return (
    <section aria-labelledby="distribution-heading">
      <h2 id="distribution-heading">{t('dashboard.distribution.title')}</h2>
      {authors.length === 0 ? (
        <p class="empty">
          {anyRated
            ? t('dashboard.distribution.fewPerAuthor', { min: DISTRIBUTION_MIN_POSTS })
            : t('dashboard.distribution.noViews', { site: props.platformName })}
        </p>
      ) : (
        <>
          <p class="muted">
            Engagement ÷ views of each post (latest counts), per author with at least {DISTRIBUTION_MIN_POSTS} rated
            posts: the band is the middle half of their posts, dots the median and the extremes. Posts with under 20
            views are left out.
          </p>
          <Chart label="Engagement rate by author" options={chart.options} data={chart.data} />
          <DataTable
            name="engagement-by-author"
            caption="Engagement rate by author"
            columns={distributionColumns}
            rows={authors}
            rowKey={(d) => d.author}
            limit={SHOWN_ROWS}
          />
        </>
      )}
    </section>
  );
}

export function PostsSection(props: SectionProps & { selected: string | null; onSelect(post: PostRecord): void }) {
  const label = MEASURE_LABELS[props.measure];
  return (
    <section aria-labelledby="posts-heading">
      <h2 id="posts-heading">Posts</h2>
      {props.data.postsCut && (
        <p class="muted">
          The newest {SAMPLE.toLocaleString()} posts matching the filters; narrow the dates to see older ones.
        </p>
      )}
      <DataTable
        name="posts"
        caption="Posts"
        columns={postColumns(props.platform, props.age, props.measure, label)}
        rows={props.data.posts}
        rowKey={(p) => p.key}
        selected={props.selected}
        onSelect={props.onSelect}
        limit={SHOWN_ROWS}
      />
    </section>
  );
}

export function HistorySection(props: { db: FeedlensDatabase; postKey: string | null }) {
  const [state, setState] = useState<{ post: PostRecord | undefined; history: SnapshotRecord[] } | null>(null);
  useEffect(() => {
    setState(null);
    if (!props.postKey) return;
    let stopped = false;
    const key = props.postKey;
    void Promise.all([props.db.get('posts', key), snapshotsOf(props.db, key)]).then(
      ([post, history]) => !stopped && setState({ post, history }),
    );
    return () => {
      stopped = true;
    };
  }, [props.db, props.postKey]);
  const chart = useMemo(() => (state ? historyChart(state.history) : null), [state]);
  return (
    <section aria-labelledby="history-heading" id="history">
      <h2 id="history-heading">Post history</h2>
      {!props.postKey ? (
        <p class="empty">Choose a post in the table above to see its counts over time.</p>
      ) : !state ? (
        <p aria-busy="true">Loading…</p>
      ) : !state.post ? (
        <p class="empty">This post is not stored (it may have been deleted or not imported).</p>
      ) : (
        <>
          <p>
            <strong>{state.post.author ? `@${state.post.author}` : state.post.postId}</strong>{' '}
            <span class="post-text-inline">{state.post.text}</span>{' '}
            <a href={state.post.url} target="_blank" rel="noopener noreferrer">
              open
            </a>{' '}
            <DeletePostButton
              db={props.db}
              post={state.post}
              snapshots={state.history.length}
              onDeleted={() => setState({ post: undefined, history: [] })}
            />
          </p>
          {chart && state.history.length > 1 && (
            <Chart label="Counts over time" options={chart.options} data={chart.data} />
          )}
          <DataTable
            name={`history-${state.post.postId}`}
            caption="Counts over time"
            columns={historyColumns}
            rows={state.history}
            rowKey={(s) => String(s.at)}
          />
        </>
      )}
    </section>
  );
}

export function BenchmarksSection() {
  return (
    <section aria-labelledby="benchmarks-heading">
      <h2 id="benchmarks-heading">Published benchmarks, for context</h2>
      <p class="caveat">{BENCHMARK_CAVEAT}</p>
      <DataTable
        name="published-benchmarks"
        caption="Published engagement-rate benchmarks"
        columns={benchmarkColumns}
        rows={PUBLISHED_BENCHMARKS}
        rowKey={(b) => b.source}
      />
    </section>
  );
}
