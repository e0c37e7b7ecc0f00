/** The dashboard's sections; each says what to do when it has nothing to show. */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Chart } from '@/components/Chart';
import { DataTable } from '@/components/DataTable';
import { DeletePostButton } from '@/components/DeletePostButton';
import type { AgeId } from '@/lib/metrics/ages';
import { compareWithPeers, engagementByAuthor, type Measure } from '@/lib/metrics/compare';
import { ageLabel } from '@/lib/metrics/format';
import { benchmarkCaveat } from '@/lib/metrics/benchmarks';
import { MIN_SAMPLE } from '@/lib/metrics/rates';
import type { FeedlensDatabase, PostRecord, SnapshotRecord } from '@/lib/storage/db';
import type { PlatformId } from '@/lib/model';
import { snapshotsOf } from '@/lib/storage/queries';
import { formatList, formatNumber } from '@/lib/ui/format';
import { plural, t } from '@/lib/ui/i18n';
import { measureLabel } from '@/lib/ui/labels';
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

/**
 * A message with a link in it: the translation places `{token}` where the link goes, so each
 * language keeps its own word order around it.
 */
function withLink(text: string, token: string, link: ComponentChildren): ComponentChildren {
  const [before, after = ''] = text.split(`{${token}}`);
  return (
    <>
      {before}
      {link}
      {after}
    </>
  );
}

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
  const label = measureLabel(measure);
  const { rows, peerValues } = useMemo(
    () => compareWithPeers(data.mine, data.peers, age, measure),
    [data, age, measure],
  );
  const chart = useMemo(() => comparisonChart(rows, measure, label), [rows, measure, label]);
  const peersText = data.peersChosen
    ? plural('dash.comparison.peersChosen', peerValues.length, { age: ageLabel(age) })
    : plural('dash.comparison.peersEveryone', peerValues.length, {
        age: ageLabel(age),
        site: props.platformName,
        sample: formatNumber(SAMPLE),
      });
  return (
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('dash.comparison.title')}</h2>
      {props.handles.length === 0 ? (
        <p class="empty">
          {withLink(
            t('dash.comparison.nameAccounts', { site: props.platformName }),
            'people',
            <a href="#people">{t('dash.people.title')}</a>,
          )}
        </p>
      ) : rows.length === 0 ? (
        <p class="empty">
          {t('dash.comparison.noValues', {
            handles: formatList(props.handles.map((h) => `@${h}`)),
            age: ageLabel(age),
            site: props.platformName,
          })}
        </p>
      ) : (
        <>
          <p class="muted">{t('dash.comparison.explain', { measure: label, age: ageLabel(age), peers: peersText })}</p>
          <Chart
            label={t('dash.comparison.chart', { measure: label, age: ageLabel(age) })}
            options={chart.options}
            data={chart.data}
          />
          <DataTable
            name={`mine-vs-peers-${age}`}
            caption={t('dash.comparison.caption')}
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
            {t('dash.distribution.explain', {
              min: formatNumber(DISTRIBUTION_MIN_POSTS),
              views: formatNumber(MIN_SAMPLE),
            })}
          </p>
          <Chart label={t('dashboard.distribution.title')} options={chart.options} data={chart.data} />
          <DataTable
            name="engagement-by-author"
            caption={t('dashboard.distribution.title')}
            columns={distributionColumns()}
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
  const label = measureLabel(props.measure);
  return (
    <section aria-labelledby="posts-heading">
      <h2 id="posts-heading">{t('dash.posts.title')}</h2>
      {props.data.postsCut && <p class="muted">{t('dash.posts.cut', { count: formatNumber(SAMPLE) })}</p>}
      <DataTable
        name="posts"
        caption={t('dash.posts.title')}
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
      <h2 id="history-heading">{t('dash.history.title')}</h2>
      {!props.postKey ? (
        <p class="empty">{t('dash.history.choose')}</p>
      ) : !state ? (
        <p aria-busy="true">{t('dash.loading')}</p>
      ) : !state.post ? (
        <p class="empty">{t('dash.history.missing')}</p>
      ) : (
        <>
          <p>
            <strong>{state.post.author ? `@${state.post.author}` : state.post.postId}</strong>{' '}
            <span class="post-text-inline">{state.post.text}</span>{' '}
            <a href={state.post.url} target="_blank" rel="noopener noreferrer">
              {t('dash.open')}
            </a>{' '}
            <DeletePostButton
              db={props.db}
              post={state.post}
              snapshots={state.history.length}
              onDeleted={() => setState({ post: undefined, history: [] })}
            />
          </p>
          {chart && state.history.length > 1 && (
            <Chart label={t('dash.history.overTime')} options={chart.options} data={chart.data} />
          )}
          <DataTable
            name={`history-${state.post.postId}`}
            caption={t('dash.history.overTime')}
            columns={historyColumns()}
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
      <h2 id="benchmarks-heading">{t('dash.benchmarks.title')}</h2>
      <p class="caveat">{benchmarkCaveat()}</p>
      <DataTable
        name="published-benchmarks"
        caption={t('dash.benchmarks.caption')}
        columns={benchmarkColumns()}
        rows={PUBLISHED_BENCHMARKS}
        rowKey={(b) => b.source}
      />
    </section>
  );
}
