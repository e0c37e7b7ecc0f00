/** The dashboard's tables: what each column shows, and what its CSV holds (raw numbers, full text). */
import type { Column } from '@/components/DataTable';
import { formatCount, formatFixed, formatRatio } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';
import { adapterById } from '@/lib/platforms/registry';
import { median, quantile } from '@/lib/metrics/baseline';
import type { AgeId } from '@/lib/metrics/ages';
import { measureAtAge, type AuthorDistribution, type Measure, type PeerComparison } from '@/lib/metrics/compare';
import { ageLabel } from '@/lib/metrics/format';
import { PUBLISHED_BENCHMARKS, type PublishedBenchmark } from '@/lib/metrics/benchmarks';
import { shownMetrics } from '@/lib/metrics/platform-metrics';
import { engagements, rate } from '@/lib/metrics/rates';
import { hasValue, type Count, type Metric, type PlatformId } from '@/lib/model';
import type { PostRecord, SnapshotRecord } from '@/lib/storage/db';

const day = (at: number | undefined) =>
  at === undefined ? '' : new Date(at).toISOString().slice(0, 16).replace('T', ' ');
const value = (count: Count | undefined) => (hasValue(count) ? count.value : null);
const pct = (v: number | null) => (v === null ? '—' : formatRatio({ value: v, min: v, max: v, exact: true }));

/** A measure as shown: a percentage for engagement rate, a count otherwise. */
export function formatMeasure(v: number | null, measure: Measure): string {
  if (v === null) return '—';
  return measure === 'engagementRate' ? pct(v) : formatCount({ precision: 'exact', value: Math.round(v * 10) / 10 });
}

const author: Column<PostRecord> = {
  id: 'author',
  label: 'Author',
  text: true,
  show: (p) => (p.author ? `@${p.author}` : '—'),
  csv: (p) => p.author,
};
const text: Column<PostRecord> = {
  id: 'text',
  label: 'Post',
  text: true,
  show: (p) => p.text ?? p.postId,
  csv: (p) => p.text ?? '',
};
const metricColumn = (metric: Metric): Column<PostRecord> => ({
  id: metric,
  label: metric,
  show: (p) => formatCount(p.latest[metric]),
  csv: (p) => value(p.latest[metric]),
});

/** The posts table of one site: only the counts it shows (no reposts on YouTube). */
export function postColumns(
  platform: PlatformId,
  age: AgeId,
  measure: Measure,
  measureLabel: string,
): Column<PostRecord>[] {
  const er = (p: PostRecord) => rate(engagements(p.latest, p.platform), p.latest.views);
  return [
    { id: 'posted', label: 'Posted (UTC)', show: (p) => day(p.postedAt), csv: (p) => day(p.postedAt) },
    author,
    text,
    ...shownMetrics(platform, ['likes', 'reposts', 'replies', 'views'] as const).map(metricColumn),
    {
      id: 'engagementRate',
      label: 'Engagement / views',
      show: (p) => formatRatio(er(p)) + (er(p)?.lowSample ? ' (few views)' : ''),
      csv: (p) => er(p)?.value ?? null,
      percent: true,
    },
    {
      id: 'atAge',
      label: `${measureLabel} at ${ageLabel(age)}`,
      show: (p) => formatMeasure(measureAtAge(p, age, measure), measure),
      csv: (p) => measureAtAge(p, age, measure),
      percent: measure === 'engagementRate',
    },
    {
      id: 'url',
      label: 'Link',
      text: true,
      show: (p) => (
        <a href={p.url} target="_blank" rel="noopener noreferrer">
          open
        </a>
      ),
      csv: (p) => p.url,
    },
  ];
}

export function comparisonColumns(
  age: AgeId,
  measure: Measure,
  measureLabel: string,
): Column<PeerComparison<PostRecord>>[] {
  return [
    { id: 'posted', label: 'Posted (UTC)', show: (r) => day(r.post.postedAt), csv: (r) => day(r.post.postedAt) },
    { id: 'author', label: 'Account', text: true, show: (r) => `@${r.post.author}`, csv: (r) => r.post.author },
    { id: 'text', label: 'Post', text: true, show: (r) => r.post.text ?? r.post.postId, csv: (r) => r.post.text ?? '' },
    {
      id: 'value',
      label: `${measureLabel} at ${ageLabel(age)}`,
      show: (r) => formatMeasure(r.value, measure),
      csv: (r) => r.value,
      percent: measure === 'engagementRate',
    },
    {
      id: 'median',
      label: 'Peers’ median',
      show: (r) => formatMeasure(r.peersMedian, measure),
      csv: (r) => r.peersMedian,
      percent: measure === 'engagementRate',
    },
    {
      id: 'vsMedian',
      label: '× median',
      show: (r) => (r.vsMedian === null ? '—' : t('format.times', { value: formatFixed(r.vsMedian, 2) })),
      csv: (r) => r.vsMedian,
    },
    {
      id: 'percentile',
      label: 'Percentile among peers',
      show: (r) =>
        r.percentile ? `${Math.round(r.percentile.percentile)}${r.percentile.lowSample ? ' (few peers)' : ''}` : '—',
      csv: (r) => r.percentile?.percentile ?? null,
    },
  ];
}

export const distributionColumns: Column<AuthorDistribution>[] = [
  { id: 'author', label: 'Author', text: true, show: (d) => `@${d.author}`, csv: (d) => d.author },
  { id: 'posts', label: 'Posts rated', show: (d) => d.values.length, csv: (d) => d.values.length },
  { id: 'min', label: 'Lowest', show: (d) => pct(d.values[0]!), csv: (d) => d.values[0], percent: true },
  {
    id: 'p25',
    label: '25th pct',
    show: (d) => pct(quantile(d.values, 0.25)),
    csv: (d) => quantile(d.values, 0.25),
    percent: true,
  },
  { id: 'median', label: 'Median', show: (d) => pct(median(d.values)), csv: (d) => median(d.values), percent: true },
  {
    id: 'p75',
    label: '75th pct',
    show: (d) => pct(quantile(d.values, 0.75)),
    csv: (d) => quantile(d.values, 0.75),
    percent: true,
  },
  { id: 'max', label: 'Highest', show: (d) => pct(d.values.at(-1)!), csv: (d) => d.values.at(-1), percent: true },
  { id: 'lowSample', label: 'Left out (under 20 views)', show: (d) => d.lowSample, csv: (d) => d.lowSample },
];

const HISTORY_METRICS: Metric[] = ['likes', 'reposts', 'quotes', 'replies', 'views', 'bookmarks'];
export const historyColumns: Column<SnapshotRecord>[] = [
  { id: 'at', label: 'When (UTC)', show: (s) => day(s.at), csv: (s) => new Date(s.at).toISOString() },
  ...HISTORY_METRICS.map((metric): Column<SnapshotRecord> => ({
    id: metric,
    label: metric,
    show: (s) => formatCount(s.counts[metric]),
    csv: (s) => value(s.counts[metric]),
  })),
];

const PLATFORMS_WITH_BENCHMARKS: PlatformId[] = ['tiktok', 'instagram', 'facebook', 'x', 'linkedin', 'youtube'];
export const benchmarkColumns: Column<PublishedBenchmark>[] = [
  { id: 'source', label: 'Source', text: true, show: (b) => b.source, csv: (b) => b.source },
  { id: 'method', label: 'Method', text: true, show: (b) => b.method, csv: (b) => b.method },
  { id: 'data', label: 'Data', text: true, show: (b) => b.data, csv: (b) => b.data },
  ...PLATFORMS_WITH_BENCHMARKS.map((platform): Column<PublishedBenchmark> => ({
    id: platform,
    // The site as it spells itself ("TikTok", "LinkedIn", "YouTube").
    label: adapterById(platform)?.name ?? platform,
    show: (b) => pct(b.rates[platform] ?? null),
    csv: (b) => b.rates[platform] ?? null,
    percent: true,
  })),
  { id: 'via', label: 'Via', text: true, show: (b) => b.via, csv: (b) => b.via },
];
export { PUBLISHED_BENCHMARKS };
